package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;

/**
 * How to reach BigCommerce. Every URL is configurable so tests and the demo can point at the
 * simulator.
 *
 * @param apiUrl REST API base; store paths are appended as {@code /stores/{hash}/v3/...}
 * @param loginUrl OAuth host that exchanges install codes for tokens ({@code /oauth2/token})
 * @param clientId the app's client id (also the {@code aud} of signed payload JWTs)
 * @param clientSecret the app's client secret: key for Standard Webhooks signatures and payload
 *     JWTs
 * @param b2bApiUrl B2B Edition REST host (one for all stores); {@code /api/v3/io/...} is appended
 */
@ConfigurationProperties(BigCommerceConfig.PREFIX)
public record BigCommerceConfig(
    @Bindable(defaultValue = "https://api.bigcommerce.com") String apiUrl,
    @Bindable(defaultValue = "https://login.bigcommerce.com") String loginUrl,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Bindable(defaultValue = "https://api-b2b.bigcommerce.com") String b2bApiUrl) {

  public static final String PREFIX = "bcsync.bigcommerce";

  public BigCommerceConfig {
    Secrets.requireHttpUrl(apiUrl, PREFIX + ".api-url");
    Secrets.requireHttpUrl(loginUrl, PREFIX + ".login-url");
    Secrets.requireHttpUrl(b2bApiUrl, PREFIX + ".b2b-api-url");
  }

  public URI apiUri() {
    return URI.create(apiUrl);
  }

  public URI b2bApiUri() {
    return URI.create(b2bApiUrl);
  }

  public boolean hasClientSecret() {
    return clientSecret != null && !clientSecret.isEmpty();
  }

  @Override
  public String toString() {
    return "BigCommerceConfig[apiUrl="
        + apiUrl
        + ", loginUrl="
        + loginUrl
        + ", b2bApiUrl="
        + b2bApiUrl
        + ", clientId="
        + clientId
        + ", clientSecret="
        + Secrets.mask(clientSecret)
        + "]";
  }
}
