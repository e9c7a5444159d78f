package io.bcsync.bigcommerce.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.pipeline.Outcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Credential-named fields are masked whole in both bodies, whatever their value's shape. */
class BigCommerceCallEvidenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void a_secret_named_field_is_masked_whole_even_when_it_holds_an_object_or_a_list()
      throws Exception {
    ApiRequest request =
        ApiRequest.write(
            "POST",
            "/v3/customers",
            JSON.readTree(
                "[{\"email\":\"ann@example.com\",\"credentials\":{\"value\":\"hunter2\"},"
                    + "\"api_key\":[\"k-123\"],\"password\":\"pw-456\"}]"));
    byte[] answer =
        "{\"title\":\"bad\",\"session\":{\"id\":\"s-789\"},\"detail\":\"x\"}"
            .getBytes(StandardCharsets.UTF_8);

    Outcome.Evidence evidence = BigCommerceCallEvidence.answered(request, 422, answer);

    assertThat(evidence.request())
        .contains("ann@example.com", "\"credentials\" : \"[redacted]\"")
        .doesNotContain("hunter2", "k-123", "pw-456");
    assertThat(evidence.response())
        .startsWith("HTTP 422")
        .contains("\"detail\" : \"x\"")
        .doesNotContain("s-789");
  }
}
