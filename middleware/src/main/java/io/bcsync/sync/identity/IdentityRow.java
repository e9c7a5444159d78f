package io.bcsync.sync.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A row of {@code sync_identity} (escape = false: see io.bcsync.db package docs). */
@MappedEntity(value = "sync_identity", escape = false)
record IdentityRow(
    @EmbeddedId Key id,
    String sfObject,
    String sfId,
    @Nullable String accountId,
    @Nullable String parentBcId,
    @Nullable Long bcModifiedMs,
    long writtenAtMs,
    @Nullable String matchedBy) {

  @Embeddable
  record Key(
      @MappedProperty("store_hash") String storeHash,
      @MappedProperty("bc_type") String bcType,
      @MappedProperty("bc_id") String bcId) {}

  static IdentityRow of(Identity identity, long writtenAtMs) {
    return new IdentityRow(
        new Key(identity.storeHash(), identity.bcType(), identity.bcId()),
        identity.sfObject(),
        identity.sfId(),
        identity.accountId(),
        identity.parentBcId(),
        identity.bcModifiedMs(),
        writtenAtMs,
        identity.matchedBy());
  }

  Identity identity() {
    return new Identity(
        id.storeHash(),
        id.bcType(),
        id.bcId(),
        sfObject,
        sfId,
        accountId,
        parentBcId,
        bcModifiedMs,
        matchedBy);
  }
}
