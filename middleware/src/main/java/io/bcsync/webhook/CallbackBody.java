package io.bcsync.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of a BigCommerce callback body. {@code data} is an object for almost every scope, an
 * array for batch price-list record scopes.
 */
public record CallbackBody(
    String scope,
    String storeId,
    JsonNode data,
    String hash,
    Long createdAt,
    String producer,
    String storeHash) {}
