package io.bcsync.bigcommerce.stores;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code bc_store}, secrets sealed (escape = false: see io.bcsync.db package docs).
 *
 * <p>The secrets are NULL once the store uninstalled the app.
 */
@MappedEntity(value = "bc_store", escape = false)
record StoreRow(
    @Id String storeHash,
    String status,
    @Nullable String accessTokenEnc,
    @Nullable String webhookSecretEnc,
    @Nullable String scopes,
    @Nullable String ownerEmail,
    long installedAtMs,
    long updatedAtMs,
    @Nullable Long uninstalledAtMs) {}
