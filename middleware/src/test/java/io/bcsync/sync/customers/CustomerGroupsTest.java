package io.bcsync.sync.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.bcsync.sync.mapping.FieldSchema;
import io.bcsync.sync.mapping.FieldType;
import io.bcsync.sync.mapping.ObjectSchema;
import io.bcsync.sync.mapping.SalesforceSchema;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.ports.InMemoryStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerGroupsTest {
  static final String STORE = "grp1";

  private final InMemoryStore store = new InMemoryStore();
  private final MutableClock clock = new MutableClock(1_700_000_000_000L);

  @Test
  void a_customer_in_a_group_gets_its_name_read_once_and_again_only_for_a_new_group() {
    store.customerGroup(STORE, 1, "Wholesale");
    CustomerGroups groups = new CustomerGroups(store, schemaWith("Contact", "Account"), clock);

    assertThat(added(groups, "Contact", 1)).containsEntry(CustomerGroups.FIELD, "Wholesale");
    assertThat(added(groups, "Account", 1)).containsEntry(CustomerGroups.FIELD, "Wholesale");
    assertThat(added(groups, "Contact", 0)).as("no group").isEmpty();
    assertThat(reads()).as("read once").isEqualTo(1);

    store.customerGroup(STORE, 2, "VIP Club");
    assertThat(added(groups, "Contact", 2)).as("not re-read within a minute").isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(added(groups, "Contact", 2)).containsEntry(CustomerGroups.FIELD, "VIP Club");
    assertThat(reads()).isEqualTo(2);
  }

  @Test
  void an_org_without_the_field_gets_no_group_name_and_costs_no_call() {
    store.customerGroup(STORE, 1, "Wholesale");
    CustomerGroups groups = new CustomerGroups(store, schemaWith("Contact"), clock);

    assertThat(added(groups, "Account", 1)).isEmpty();
    assertThat(reads()).isZero();
    assertThat(added(groups, "Contact", 1)).containsEntry(CustomerGroups.FIELD, "Wholesale");
  }

  private Map<String, Object> added(CustomerGroups groups, String object, long groupId) {
    JsonNode document = JsonNodeFactory.instance.objectNode();
    ((com.fasterxml.jackson.databind.node.ObjectNode) document)
        .putObject("customer")
        .put("customer_group_id", groupId);
    Map<String, Object> fields = new HashMap<>();
    groups.add(STORE, object, document, fields);
    return fields;
  }

  private long reads() {
    return store.reads().stream().filter(r -> r.what().equals("customerGroupNames")).count();
  }

  private static SalesforceSchema schemaWith(String... objects) {
    List<String> having = List.of(objects);
    return name ->
        having.contains(name)
            ? Optional.of(
                new ObjectSchema(
                    name,
                    List.of(
                        new FieldSchema(CustomerGroups.FIELD, FieldType.TEXT, 255, false, null))))
            : Optional.empty();
  }
}
