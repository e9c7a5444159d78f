package io.bcsync.sync.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailNormaliserTest {

  @ParameterizedTest
  @CsvSource({
    "'  Jane.Doe@Example.COM ', jane.doe@example.com",
    "jane+shop@example.com, jane+shop@example.com",
    "JANE+Shop@example.com, jane+shop@example.com"
  })
  void trims_and_lower_cases_without_folding(String raw, String expected) {
    assertThat(new EmailNormaliser(false).normalise(raw)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "jane+shop@example.com, jane@example.com",
    "Jane+a+b@Example.com, jane@example.com",
    // A leading plus is the whole local part, not a tag.
    "+jane@example.com, +jane@example.com"
  })
  void folds_plus_addresses_when_asked(String raw, String expected) {
    assertThat(new EmailNormaliser(true).normalise(raw)).contains(expected);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "   ",
        "jane",
        "@example.com",
        "jane@",
        "jane@@example.com",
        "ja ne@example.com"
      })
  void rejects_what_is_not_an_address(String raw) {
    assertThat(new EmailNormaliser(true).normalise(raw)).isEmpty();
  }
}
