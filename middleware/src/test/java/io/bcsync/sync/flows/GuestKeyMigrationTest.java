package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.customers.GuestKeys;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.MatchDecision;
import io.bcsync.sync.matching.MatchRule;
import io.bcsync.sync.review.Reviews;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.InMemoryStore;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Guests written before {@code bcsync.sync.guest-keys.secret} was set carry the legacy unkeyed id.
 * With the secret set, their next order must find them (in the identity map, or after a lost answer
 * on their household Account) and not create a second Contact. The store has no e-mail rule, so
 * matching cannot find them instead.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestKeyMigrationTest implements TestPropertyProvider {
  static final String STORE = "gkm1";
  static final byte[] SECRET = "a guest key secret of 32 bytes!!".getBytes();

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;
  @Inject IdentityMap identities;
  @Inject Reviews reviews;

  private final GuestKeys keys = new GuestKeys(SECRET);
  private final AtomicLong itemIds = new AtomicLong(9_100);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties =
        InMemoryPorts.withStore(
            InMemoryPorts.properties(), STORE, "matching:\n  rules: [external_id, phone]\n");
    properties.put("bcsync.sync.guest-keys.secret", Base64.getEncoder().encodeToString(SECRET));
    return properties;
  }

  /** A guest Contact on its household Account as the sync wrote it before, under the legacy id. */
  private String writtenBefore(String email) {
    String legacyId = keys.legacyIdOf(email).orElseThrow();
    String accountId =
        org.insert(
            "Account",
            Map.of("Name", "Guest household", "BC_Account_Key__c", STORE + ":guest:" + legacyId));
    return org.insert(
        "Contact", Map.of("LastName", "Shopper", "Email", email, "AccountId", accountId));
  }

  @Test
  void a_guest_linked_under_its_legacy_id_keeps_its_contact_and_is_moved_to_its_keyed_id()
      throws Exception {
    String email = "legacy.linked@example.com";
    String contactId = writtenBefore(email);
    String accountId = (String) org.record(contactId).orElseThrow().get("AccountId");
    String legacyId = keys.legacyIdOf(email).orElseThrow();
    identities.saveNew(
        List.of(
            new Identity(
                STORE, "guest", legacyId, "Contact", contactId, accountId, null, null, "created")));
    store.guestOrder(STORE, 901, email).line(90101, 7, "MUG-1", "9.95", 1).save();

    assertThat(flow.run(List.of(item(901))).values()).containsOnly(Outcome.SUCCESS);

    assertThat(org.where("Contact", "Email", email)).as("no second Contact").hasSize(1);
    assertThat(org.one("Order", "BC_Order_Id__c", STORE + ":901"))
        .containsEntry("BC_Contact__c", contactId);
    String keyed = keys.idOf(email);
    assertThat(identities.find(STORE, "guest", List.of(keyed, legacyId)))
        .as("moved: the reversible id is gone from the identity map")
        .containsOnlyKeys(keyed)
        .hasEntrySatisfying(
            keyed,
            row -> {
              assertThat(row.sfId()).isEqualTo(contactId);
              assertThat(row.matchedBy()).isEqualTo("created");
            });
  }

  @Test
  void a_guest_written_under_its_legacy_id_but_never_linked_is_found_on_its_household_account()
      throws Exception {
    String email = "legacy.lost@example.com";
    String contactId = writtenBefore(email);
    store.guestOrder(STORE, 902, email).line(90201, 7, "MUG-1", "9.95", 1).save();

    assertThat(flow.run(List.of(item(902))).values()).containsOnly(Outcome.SUCCESS);

    assertThat(org.where("Contact", "Email", email)).as("no second Contact").hasSize(1);
    assertThat(org.one("Order", "BC_Order_Id__c", STORE + ":902"))
        .containsEntry("BC_Contact__c", contactId);
    assertThat(identities.find(STORE, "guest", List.of(keys.idOf(email))))
        .containsOnlyKeys(keys.idOf(email));
  }

  @Test
  void a_review_opened_under_the_legacy_id_still_holds_the_guest() throws Exception {
    String email = "legacy.review@example.com";
    String legacyKey = "guest:" + keys.legacyIdOf(email).orElseThrow();
    long review =
        reviews.open(
            STORE,
            legacyKey,
            "guest order 900",
            new MatchDecision.Review(
                List.of(Candidate.contact("003000000000903AAA", null, null, null)),
                "2 records match by phone",
                MatchRule.PHONE),
            List.of(new Reviews.Held("order", "900")));
    store.guestOrder(STORE, 903, email).line(90301, 7, "MUG-1", "9.95", 1).save();

    assertThat(flow.run(List.of(item(903))).values())
        .singleElement()
        .isInstanceOf(Outcome.Skipped.class);

    assertThat(org.where("Contact", "Email", email)).as("held, not created").isEmpty();
    assertThat(reviews.openFor(STORE, List.of("guest:" + keys.idOf(email), legacyKey)))
        .as("no second review under the keyed id")
        .containsExactly(Map.entry(legacyKey, review));
  }

  private WorkItem item(long orderId) {
    return WorkItems.item(itemIds.incrementAndGet(), STORE, "order", orderId);
  }
}
