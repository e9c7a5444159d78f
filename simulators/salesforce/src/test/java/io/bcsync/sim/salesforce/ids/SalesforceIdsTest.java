package io.bcsync.sim.salesforce.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

  @Test
  void checksum_matches_real_ids() {
    // Ids from real partner API responses (reference soap-samples).
    assertThat(SalesforceIds.to18("001xx000003DGb2")).isEqualTo("001xx000003DGb2AAG");
    assertThat(SalesforceIds.to18("00Dxx0000001gER")).isEqualTo("00Dxx0000001gEREAY");
    assertThat(SalesforceIds.to18("005xx000001Sv6A")).isEqualTo("005xx000001Sv6AAAS");
  }

  @Test
  void normalize_accepts_15_and_18_chars_and_rejects_bad_checksums() {
    assertThat(SalesforceIds.normalize("001xx000003DGb2")).contains("001xx000003DGb2AAG");
    assertThat(SalesforceIds.normalize("001xx000003DGb2aag")).contains("001xx000003DGb2AAG");
    assertThat(SalesforceIds.normalize("001xx000003DGb2ZZZ")).isEmpty();
    assertThat(SalesforceIds.normalize("not-an-id")).isEmpty();
  }

  @Test
  void generated_ids_are_unique_prefixed_and_self_consistent() {
    IdGenerator ids = new IdGenerator();
    String first = ids.next("001");
    String second = ids.next("001");

    assertThat(first).hasSize(18).startsWith("001").isNotEqualTo(second);
    assertThat(SalesforceIds.normalize(first)).contains(first);
  }
}
