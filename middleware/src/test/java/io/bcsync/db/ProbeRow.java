package io.bcsync.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A test-only view of a small existing table, to exercise repositories inside {@link Db}. */
@MappedEntity(value = "bc_callback_token", escape = false)
record ProbeRow(@Id String jti, String storeHash, long expiresAtMs) {
  static ProbeRow of(String jti, long expiresAtMs) {
    return new ProbeRow(jti, "probe", expiresAtMs);
  }
}
