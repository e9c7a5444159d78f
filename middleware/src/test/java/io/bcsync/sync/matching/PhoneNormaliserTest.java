package io.bcsync.sync.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormaliserTest {
  private final PhoneNormaliser us = new PhoneNormaliser("US");

  @ParameterizedTest
  @CsvSource({
    "'(512) 555-0123', +15125550123",
    "512.555.0123, +15125550123",
    "'+1 512 555 0123', +15125550123",
    "'+44 20 7946 0958', +442079460958"
  })
  void formats_to_e164_in_the_default_region(String raw, String expected) {
    assertThat(us.normalise(raw, null)).contains(expected);
  }

  @Test
  void a_national_number_is_read_in_the_customers_country_when_known() {
    assertThat(us.normalise("020 7946 0958", "gb")).contains("+442079460958");
    assertThat(us.normalise("020 7946 0958", null)).isEmpty();
  }

  @Test
  void an_unknown_customer_country_falls_back_to_the_default_region() {
    assertThat(us.normalise("512-555-0123", "XX")).contains("+15125550123");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "123", "1234567890", "not a phone", "+1 000 000 0000"})
  void invalid_numbers_yield_no_key(String raw) {
    assertThat(us.normalise(raw, "US")).isEmpty();
  }

  @Test
  void an_unknown_default_region_is_refused_at_configuration_time() {
    assertThatThrownBy(() -> new PhoneNormaliser("USA"))
        .hasMessageContaining("Unknown phone region 'USA'");
  }
}
