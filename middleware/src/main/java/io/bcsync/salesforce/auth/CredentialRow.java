package io.bcsync.salesforce.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code salesforce_credential}, the refresh token sealed (escape = false: see
 * io.bcsync.db package docs).
 */
@MappedEntity(value = "salesforce_credential", escape = false)
record CredentialRow(
    @Id String name,
    String refreshTokenEnc,
    String instanceUrl,
    @Nullable String userId,
    long connectedAtMs) {}
