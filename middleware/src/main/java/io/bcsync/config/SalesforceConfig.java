package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Locale;

/**
 * How to reach Salesforce. The connection itself lands with the Salesforce connectivity work; the settings are
 * validated now so a misconfiguration is caught at startup, not at the first sync.
 *
 * @param loginUrl {@code https://login.salesforce.com}, {@code https://test.salesforce.com} or a My Domain URL
 * @param authMode {@code none} (not connected yet), {@code jwt}, {@code web-server} or {@code password} (local
 *     development only)
 */
@ConfigurationProperties(SalesforceConfig.PREFIX)
public record SalesforceConfig(
    @Bindable(defaultValue = "https://login.salesforce.com") String loginUrl,
    @Bindable(defaultValue = "none") String authMode,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable String username,
    @Nullable String privateKeyFile,
    @Nullable String password,
    @Nullable String securityToken,
    @Bindable(defaultValue = "bcsync") String clientIdHeader) {

  public static final String PREFIX = "bcsync.salesforce";

  public SalesforceConfig {
    Secrets.requireHttpUrl(loginUrl, PREFIX + ".login-url");
    authMode = authMode.toLowerCase(Locale.ROOT);
    switch (authMode) {
      case "none" -> { }
      case "jwt" -> {
        Secrets.requireNonBlank(clientId, PREFIX + ".client-id");
        Secrets.requireNonBlank(username, PREFIX + ".username");
        Secrets.requireNonBlank(privateKeyFile, PREFIX + ".private-key-file");
      }
      case "web-server" -> {
        Secrets.requireNonBlank(clientId, PREFIX + ".client-id");
        Secrets.requireNonBlank(clientSecret, PREFIX + ".client-secret");
      }
      case "password" -> {
        Secrets.requireNonBlank(username, PREFIX + ".username");
        Secrets.requireNonBlank(password, PREFIX + ".password");
      }
      default -> throw new InvalidConfigurationException(
          PREFIX + ".auth-mode", "must be one of none, jwt, web-server, password; was '" + authMode + "'");
    }
  }

  @Override
  public String toString() {
    return "SalesforceConfig[loginUrl=" + loginUrl + ", authMode=" + authMode + ", clientId=" + clientId
        + ", clientSecret=" + Secrets.mask(clientSecret) + ", username=" + username
        + ", privateKeyFile=" + privateKeyFile + ", password=" + Secrets.mask(password)
        + ", securityToken=" + Secrets.mask(securityToken) + ", clientIdHeader=" + clientIdHeader + "]";
  }
}
