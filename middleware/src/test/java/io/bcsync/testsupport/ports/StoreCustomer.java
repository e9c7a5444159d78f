package io.bcsync.testsupport.ports;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sync.port.StoreReader.StoreDocument;
import java.time.Instant;

/**
 * A V3 customer with its {@code addresses}, as the store reader answers it, built up and put into
 * an {@link InMemoryStore} with {@link #save()}.
 */
public final class StoreCustomer {
  private final InMemoryStore store;
  private final String storeHash;
  private final long id;
  private String email;
  private String firstName = "Ada";
  private String lastName;
  private String company = "";
  private String phone = "";
  private String postalCode = "78704";
  private Instant modified = StoreOrder.DEFAULT_TIME;

  StoreCustomer(InMemoryStore store, String storeHash, long id) {
    this.store = store;
    this.storeHash = storeHash;
    this.id = id;
    this.email = "customer" + id + "@example.com";
    // As an order of this customer names it by default (StoreOrder).
    this.lastName = "Customer" + id;
  }

  public long id() {
    return id;
  }

  public StoreCustomer email(String email) {
    this.email = email;
    return this;
  }

  public StoreCustomer name(String firstName, String lastName) {
    this.firstName = firstName;
    this.lastName = lastName;
    return this;
  }

  public StoreCustomer company(String company) {
    this.company = company;
    return this;
  }

  public StoreCustomer phone(String phone) {
    this.phone = phone;
    return this;
  }

  public StoreCustomer postalCode(String postalCode) {
    this.postalCode = postalCode;
    return this;
  }

  public StoreCustomer modifiedAt(Instant modified) {
    this.modified = modified;
    return this;
  }

  /** Puts the customer, as it is now, into the store; answers the document the reader gives. */
  public StoreDocument save() {
    StoreDocument document = document();
    store.putCustomer(storeHash, document);
    return document;
  }

  public StoreDocument document() {
    ObjectNode customer = JsonNodeFactory.instance.objectNode();
    customer.put("id", id);
    customer.put("email", email);
    customer.put("first_name", firstName);
    customer.put("last_name", lastName);
    customer.put("company", company);
    customer.put("phone", phone);
    customer.put("customer_group_id", 0);
    customer.put("date_created", StoreOrder.DEFAULT_TIME.toString());
    customer.put("date_modified", modified.toString());
    customer
        .putArray("addresses")
        .addObject()
        .put("id", id * 10)
        .put("customer_id", id)
        .put("first_name", firstName)
        .put("last_name", lastName)
        .put("address1", "1 Main Street")
        .put("address2", "")
        .put("city", "Austin")
        .put("state_or_province", "Texas")
        .put("postal_code", postalCode)
        .put("country", "United States")
        .put("country_code", "US")
        .put("phone", "");
    return new StoreDocument(id, customer, modified.toEpochMilli());
  }
}
