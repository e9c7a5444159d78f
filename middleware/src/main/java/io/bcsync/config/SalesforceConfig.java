package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import java.util.Locale;

/**
 * How to reach Salesforce and which org is acceptable. Validated at startup so a misconfiguration
 * is caught before the first sync; the org itself is checked by {@code
 * io.bcsync.salesforce.guard.OrgGuard} on every connection.
 *
 * @param loginUrl {@code https://login.salesforce.com}, {@code https://test.salesforce.com} or a My
 *     Domain URL
 * @param authMode {@code none} (not connected yet), {@code jwt}, {@code web-server} or {@code
 *     password} (local development only)
 * @param orgId when set, the only org this service may connect to (15 or 18 characters)
 * @param allowSandboxInProduction a production environment refuses sandbox orgs unless this is true
 * @param redirectUri the web-server flow's callback URL as registered in the connected app
 * @param tokenEncryptionKey base64 AES key (16, 24 or 32 bytes) that encrypts stored refresh tokens
 * @param previousTokenEncryptionKeys keys still accepted for decryption during a rotation; the
 *     stored refresh token is re-sealed with the current key when read
 * @param nextTokenEncryptionKey step 1 of a rotation: the key about to become current, accepted for
 *     decryption only (docs/security.md)
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
    @Bindable(defaultValue = "bcsync") String clientIdHeader,
    @Nullable String orgId,
    @Bindable(defaultValue = "false") boolean allowSandboxInProduction,
    @Nullable String redirectUri,
    @Nullable String tokenEncryptionKey,
    @Nullable List<String> previousTokenEncryptionKeys,
    @Nullable String nextTokenEncryptionKey) {

  public static final String PREFIX = "bcsync.salesforce";

  public SalesforceConfig {
    Secrets.requireHttpUrl(loginUrl, PREFIX + ".login-url");
    previousTokenEncryptionKeys =
        previousTokenEncryptionKeys == null ? List.of() : List.copyOf(previousTokenEncryptionKeys);
    authMode = authMode.toLowerCase(Locale.ROOT);
    switch (authMode) {
      case "none" -> {}
      case "jwt" -> {
        Secrets.requireNonBlank(clientId, PREFIX + ".client-id");
        Secrets.requireNonBlank(username, PREFIX + ".username");
        Secrets.requireNonBlank(privateKeyFile, PREFIX + ".private-key-file");
      }
      case "web-server" -> {
        Secrets.requireNonBlank(clientId, PREFIX + ".client-id");
        Secrets.requireNonBlank(clientSecret, PREFIX + ".client-secret");
        Secrets.requireHttpUrl(redirectUri, PREFIX + ".redirect-uri");
        Secrets.requireNonBlank(tokenEncryptionKey, PREFIX + ".token-encryption-key");
      }
      case "password" -> {
        Secrets.requireNonBlank(username, PREFIX + ".username");
        Secrets.requireNonBlank(password, PREFIX + ".password");
      }
      default ->
          throw new InvalidConfigurationException(
              PREFIX + ".auth-mode",
              "must be one of none, jwt, web-server, password; was '" + authMode + "'");
    }
    if (orgId != null && !orgId.matches("00D[0-9A-Za-z]{12}([0-9A-Za-z]{3})?")) {
      throw new InvalidConfigurationException(
          PREFIX + ".org-id", "must be a 15 or 18 character org id (00D...)");
    }
    if (clientIdHeader.isBlank() || clientIdHeader.contains(";")) {
      throw new InvalidConfigurationException(
          PREFIX + ".client-id-header", "must be a non-blank word without ';'");
    }
  }

  public boolean enabled() {
    return !"none".equals(authMode);
  }

  @Override
  public String toString() {
    return "SalesforceConfig[loginUrl="
        + loginUrl
        + ", authMode="
        + authMode
        + ", clientId="
        + clientId
        + ", clientSecret="
        + Secrets.mask(clientSecret)
        + ", username="
        + username
        + ", privateKeyFile="
        + privateKeyFile
        + ", password="
        + Secrets.mask(password)
        + ", securityToken="
        + Secrets.mask(securityToken)
        + ", clientIdHeader="
        + clientIdHeader
        + ", orgId="
        + orgId
        + ", allowSandboxInProduction="
        + allowSandboxInProduction
        + ", redirectUri="
        + redirectUri
        + ", tokenEncryptionKey="
        + Secrets.mask(tokenEncryptionKey)
        + ", previousTokenEncryptionKeys="
        + previousTokenEncryptionKeys.size()
        + " key(s), nextTokenEncryptionKey="
        + Secrets.mask(nextTokenEncryptionKey)
        + "]";
  }
}
