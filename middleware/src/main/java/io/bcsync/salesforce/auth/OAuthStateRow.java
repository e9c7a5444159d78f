package io.bcsync.salesforce.auth;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A pending authorization request of the web-server flow, {@code salesforce_oauth_state} (escape =
 * false: see io.bcsync.db package docs).
 */
@MappedEntity(value = "salesforce_oauth_state", escape = false)
record OAuthStateRow(@Id String state, long expiresAtMs) {}
