package io.bcsync.config;

/** Renders secret configuration values for humans: whether one is set, never what it is. */
public final class Secrets {
  private Secrets() {}

  public static String mask(String secret) {
    return secret == null || secret.isEmpty() ? "<unset>" : "****";
  }

  static void requireNonBlank(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new InvalidConfigurationException(key, "is required");
    }
  }

  static java.net.URI requireHttpUrl(String value, String key) {
    requireNonBlank(value, key);
    try {
      var uri = new java.net.URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new InvalidConfigurationException(key, "must be an http(s) URL, was '" + value + "'");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new InvalidConfigurationException(key, "must be an http(s) URL, was '" + value + "'");
    }
  }
}
