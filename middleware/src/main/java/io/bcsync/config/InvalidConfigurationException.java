package io.bcsync.config;

import io.micronaut.context.exceptions.ConfigurationException;

/**
 * Thrown while configuration binds, so the service refuses to start with a message naming the
 * property. Messages never contain secret values: callers pass only the key and a description of
 * what is wrong.
 */
public class InvalidConfigurationException extends ConfigurationException {
  public InvalidConfigurationException(String key, String problem) {
    super("Invalid configuration: " + key + " " + problem);
  }
}
