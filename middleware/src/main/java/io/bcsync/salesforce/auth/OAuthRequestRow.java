package io.bcsync.salesforce.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A pending step of "Connect Salesforce", {@code salesforce_oauth_request}: a start ticket the
 * admin API issued, or an OAuth state sent to Salesforce. Only the SHA-256 of the secret is kept
 * (escape = false: see io.bcsync.db package docs).
 *
 * @param codeChallenge for a state, the PKCE S256 challenge of the verifier in the browser's cookie
 * @param replaceExisting the administrator confirmed that this connection replaces the current one
 */
@MappedEntity(value = "salesforce_oauth_request", escape = false)
record OAuthRequestRow(
    @Id String secretHash,
    String kind,
    @Nullable String codeChallenge,
    boolean replaceExisting,
    long expiresAtMs) {
  static final String TICKET = "TICKET";
  static final String STATE = "STATE";
}
