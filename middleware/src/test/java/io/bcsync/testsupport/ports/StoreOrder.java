package io.bcsync.testsupport.ports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sync.port.StoreReader.StoreDocument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A V2 order as the store reader answers it (the order with its {@code products}, {@code
 * shipping_addresses} and {@code coupons} inlined), built up and put into an {@link InMemoryStore}
 * with {@link #save()}. Kept after saving, so a test can change it (a line removed, a new status, a
 * later {@code date_modified}) and save it again.
 */
public final class StoreOrder {
  /** V2 dates: RFC 2822, whole seconds. */
  static final DateTimeFormatter V2_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  static final Instant DEFAULT_TIME = Instant.parse("2024-06-01T12:00:00Z");

  /** One line: {@code id} is the order product id, BigCommerce's line id. */
  public record Line(
      long id, long productId, long variantId, String sku, BigDecimal price, int quantity) {}

  private final InMemoryStore store;
  private final String storeHash;
  private final long id;
  private long customerId;
  // Unique per customer unless a test says otherwise: equal names at one postal code are a
  // possible match the sync sends to review.
  private String firstName = "Ada";
  private String lastName;
  private String email;
  private int status = 11;
  private Instant created = DEFAULT_TIME;
  private Instant modified = DEFAULT_TIME;
  private final List<Line> lines = new ArrayList<>();
  private final Map<Long, BigDecimal> discounts = new HashMap<>();
  private final List<String> coupons = new ArrayList<>();
  private BigDecimal shipping = BigDecimal.ZERO;
  private BigDecimal tax = BigDecimal.ZERO;
  private BigDecimal refunded = BigDecimal.ZERO;

  StoreOrder(InMemoryStore store, String storeHash, long id) {
    this.store = store;
    this.storeHash = storeHash;
    this.id = id;
    this.email = "buyer" + id + "@example.com";
  }

  public long id() {
    return id;
  }

  /** Placed by a registered customer (0, the default, is a guest checkout). */
  public StoreOrder customer(long customerId) {
    this.customerId = customerId;
    return this;
  }

  public StoreOrder billing(String firstName, String lastName, String email) {
    this.firstName = firstName;
    this.lastName = lastName;
    this.email = email;
    return this;
  }

  public StoreOrder email(String email) {
    this.email = email;
    return this;
  }

  /** The order's status_id: 0 incomplete, 11 awaiting fulfillment (the default), 2 shipped... */
  public StoreOrder status(int statusId) {
    this.status = statusId;
    return this;
  }

  /** A refund of part of the order ({@code refunded_amount}). */
  public StoreOrder refunded(String amount) {
    this.refunded = new BigDecimal(amount);
    return this;
  }

  public StoreOrder createdAt(Instant created) {
    this.created = created;
    return this;
  }

  public StoreOrder modifiedAt(Instant modified) {
    this.modified = modified;
    return this;
  }

  public StoreOrder line(long lineId, long productId, String sku, String price, int quantity) {
    lines.add(new Line(lineId, productId, 0, sku, new BigDecimal(price), quantity));
    return this;
  }

  public StoreOrder line(Line line) {
    lines.add(line);
    return this;
  }

  public StoreOrder withoutLine(long lineId) {
    lines.removeIf(line -> line.id() == lineId);
    return this;
  }

  /** A coupon's share of one line (BigCommerce spreads an order's coupon over its lines). */
  public StoreOrder discount(long lineId, String amount) {
    discounts.put(lineId, new BigDecimal(amount));
    return this;
  }

  public StoreOrder coupon(String code) {
    coupons.add(code);
    return this;
  }

  public StoreOrder shipping(String costExTax) {
    this.shipping = new BigDecimal(costExTax);
    return this;
  }

  /** The order's whole tax (on items and shipping), as BigCommerce computed it. */
  public StoreOrder tax(String totalTax) {
    this.tax = new BigDecimal(totalTax);
    return this;
  }

  /** Puts the order, as it is now, into the store; answers the document the reader gives. */
  public StoreDocument save() {
    StoreDocument document = document();
    store.putOrder(storeHash, document);
    return document;
  }

  public StoreDocument document() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode order = json.objectNode();
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal discounted = BigDecimal.ZERO;
    int items = 0;
    ArrayNode products = json.arrayNode();
    for (Line line : lines) {
      BigDecimal total = line.price().multiply(BigDecimal.valueOf(line.quantity()));
      subtotal = subtotal.add(total);
      items += line.quantity();
      ObjectNode product = products.addObject();
      product.put("id", line.id());
      product.put("order_id", id);
      product.put("product_id", line.productId());
      product.put("variant_id", line.variantId());
      product.put("name", "Product " + line.productId());
      product.put("sku", line.sku());
      product.put("type", "physical");
      product.put("price_ex_tax", money(line.price()));
      product.put("price_inc_tax", money(line.price()));
      product.put("total_ex_tax", money(total));
      product.put("total_inc_tax", money(total));
      product.put("quantity", line.quantity());
      ArrayNode applied = product.putArray("applied_discounts");
      BigDecimal discount = discounts.get(line.id());
      if (discount != null) {
        discounted = discounted.add(discount);
        applied
            .addObject()
            .put("id", "coupon")
            .put("amount", money(discount))
            .put("code", coupons.isEmpty() ? "" : coupons.get(0))
            .put("target", "order");
      }
      product.putArray("product_options");
    }
    order.put("id", id);
    order.put("customer_id", customerId);
    order.put("date_created", V2_DATE.format(created));
    order.put("date_modified", V2_DATE.format(modified));
    order.put("status_id", status);
    BigDecimal totalExTax = subtotal.subtract(discounted).add(shipping);
    order.put("subtotal_ex_tax", money(subtotal));
    order.put("subtotal_inc_tax", money(subtotal));
    order.put("shipping_cost_ex_tax", money(shipping));
    order.put("handling_cost_ex_tax", money(BigDecimal.ZERO));
    order.put("coupon_discount", money(discounted));
    order.put("total_ex_tax", money(totalExTax));
    order.put("total_inc_tax", money(totalExTax.add(tax)));
    order.put("total_tax", money(tax));
    order.put("refunded_amount", money(refunded));
    order.put("items_total", items);
    order.put("payment_status", "captured");
    order.put("currency_code", "USD");
    order.put("channel_id", 1);
    order.put("customer_message", "");
    order
        .putObject("billing_address")
        .put("first_name", firstName)
        .put("last_name", lastName != null ? lastName : defaultLastName())
        .put("company", "")
        .put("street_1", "1 Main Street")
        .put("street_2", "")
        .put("city", "Austin")
        .put("state", "Texas")
        .put("zip", "78704")
        .put("country", "United States")
        .put("country_iso2", "US")
        .put("phone", "")
        .put("email", email);
    order.set("products", products);
    order.putArray("shipping_addresses");
    ArrayNode couponCodes = order.putArray("coupons");
    coupons.forEach(code -> couponCodes.addObject().put("code", code));
    return new StoreDocument(id, order, modified.toEpochMilli() / 1000 * 1000);
  }

  private String defaultLastName() {
    return customerId > 0 ? "Customer" + customerId : "Guest" + id;
  }

  /** V2 money: a string with four decimals. */
  static String money(BigDecimal amount) {
    return amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
  }
}
