package io.bcsync.sync.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CustomerProfilesTest {
  private static JsonNode json(String name) throws Exception {
    try (InputStream in = CustomerProfilesTest.class.getResourceAsStream("/sync/" + name)) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void from_a_v3_customer() throws Exception {
    CustomerProfile profile = CustomerProfiles.fromCustomer("abc123", json("customer-v3.json"));

    assertThat(profile)
        .isEqualTo(
            new CustomerProfile(
                "customer 27",
                "abc123",
                27L,
                "maria.gonzalez@example.com",
                "Maria",
                "Gonzalez",
                null,
                "512-555-0147",
                "78704",
                "US"));
    assertThat(profile.externalId()).contains("abc123:27");
  }

  @Test
  void from_a_registered_customers_order_keeps_the_customer_id() throws Exception {
    CustomerProfile profile = CustomerProfiles.fromOrder("abc123", json("order-v2.json"));

    assertThat(profile.customerId()).isEqualTo(27L);
    assertThat(profile.email()).isEqualTo("Maria.Gonzalez@Example.com");
    assertThat(profile.postalCode()).isEqualTo("78704");
    assertThat(profile.reference()).isEqualTo("abc123 customer 27 (order 3051)");
  }

  @Test
  void a_guest_order_with_only_a_billing_email_matches_by_that_email() throws Exception {
    CustomerProfile guest = CustomerProfiles.fromOrder("abc123", json("guest-order-v2.json"));
    InMemoryCandidateFinder salesforce =
        new InMemoryCandidateFinder()
            .with(Candidate.contact("003G", null, "guest.shopper@example.org", null));

    assertThat(guest.isGuest()).isTrue();
    assertThat(guest.externalId()).isEmpty();
    assertThat(guest.firstName()).isNull();
    assertThat(guest.phone()).isNull();
    assertThat(new CustomerMatcher(MatchingConfig.defaults(), salesforce).match(guest))
        .isEqualTo(new MatchDecision.Create(CandidateKind.CONTACT));
    assertThat(
            new CustomerMatcher(MatchingConfig.defaults().withFoldPlusAddresses(true), salesforce)
                .match(guest))
        .isEqualTo(new MatchDecision.UpdateContact("003G", MatchRule.EMAIL));
  }
}
