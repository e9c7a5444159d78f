package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.console.TimelineQuery.InvalidTimelineQuery;
import io.bcsync.console.TimelineQuery.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineQueryTest {

  @Test
  void digits_are_a_bigcommerce_id_an_address_an_email_and_15_or_18_characters_a_salesforce_id() {
    assertThat(TimelineQuery.parse(" 0250 ", null))
        .isEqualTo(new TimelineQuery(Kind.BIGCOMMERCE_ID, "250", Optional.empty()));
    assertThat(TimelineQuery.parse("Jo@Example.COM", "store1"))
        .isEqualTo(new TimelineQuery(Kind.EMAIL, "jo@example.com", Optional.of("store1")));
    assertThat(TimelineQuery.parse("801000000000001AAA", "").kind()).isEqualTo(Kind.SALESFORCE_ID);
    assertThat(TimelineQuery.parse("0035g00000AbCdE", null).kind()).isEqualTo(Kind.SALESFORCE_ID);
    // 15 digits are an id BigCommerce could have, not a Salesforce id.
    assertThat(TimelineQuery.parse("123456789012345", null).kind()).isEqualTo(Kind.BIGCOMMERCE_ID);
  }

  @Test
  void anything_else_is_refused_with_the_reason() {
    assertThatThrownBy(() -> TimelineQuery.parse("  ", null))
        .isInstanceOf(InvalidTimelineQuery.class)
        .hasMessageContaining("type an order");
    assertThatThrownBy(() -> TimelineQuery.parse("order #12", null))
        .isInstanceOf(InvalidTimelineQuery.class)
        .hasMessageContaining("not an order, customer or product id");
    assertThatThrownBy(() -> TimelineQuery.parse("1".repeat(300), null))
        .isInstanceOf(InvalidTimelineQuery.class)
        .hasMessageContaining("longer than");
    assertThatThrownBy(() -> TimelineQuery.parse("12", "Store One"))
        .isInstanceOf(InvalidTimelineQuery.class)
        .hasMessageContaining("store must be");
  }
}
