package io.bcsync.salesforce.guard;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.config.BcsyncConfig;
import io.bcsync.config.SalesforceConfig;
import io.bcsync.environment.EnvironmentGuardException;
import io.bcsync.salesforce.soap.OrgInfo;
import org.junit.jupiter.api.Test;

/**
 * The guard's refusal is logged and shown to the administrator; the org's name in it is chosen by
 * whoever owns the org, so it must not be able to forge log lines.
 */
class OrgGuardTest {

  @Test
  void an_org_name_with_line_breaks_reaches_the_refusal_escaped_and_short() {
    OrgGuard guard =
        new OrgGuard(
            new BcsyncConfig("staging", false, "admin-token-0123456789abcdef"),
            new SalesforceConfig(
                "https://login.salesforce.com",
                "none",
                null,
                null,
                null,
                null,
                null,
                null,
                "bcsync",
                null,
                false,
                null,
                null,
                null,
                null));
    String name = "Acme\r\n2026-01-01 INFO Connected to the right org " + "x".repeat(500);

    assertThatThrownBy(
            () -> guard.check(new OrgInfo("00D000000000001AAA", name, false, "005A", "u@x")))
        .isInstanceOf(EnvironmentGuardException.class)
        .hasMessageContaining("Acme??2026-01-01 INFO Connected")
        .hasMessageContaining("is a production org and this is a staging environment")
        .message()
        .doesNotContain("\r", "\n")
        .doesNotContain("x".repeat(100));
  }
}
