package io.bcsync.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.db.Db;
import io.bcsync.testsupport.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code backfill_job} state rules on the database: one active backfill per store, pages
 * committed only against the version they were read at, and a job that ends frees its store. Runs
 * on H2; {@code BackfillJobsMariaDbTest} runs every case on MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillJobsTest extends DatabaseTest {
  private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

  @Inject Db db;
  @Inject BackfillJobs jobs;

  private String store;

  @BeforeEach
  void newStore() {
    store = "bf" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_store_has_one_active_backfill_until_it_ends() {
    BackfillJob first = jobs.create(store, SINCE, 1_000);

    assertThatThrownBy(() -> jobs.create(store, SINCE, 2_000))
        .isInstanceOfSatisfying(
            BackfillJobs.ActiveBackfillExists.class,
            e -> assertThat(e.activeId()).isEqualTo(first.id()));
    assertThat(jobs.findActive(store)).map(BackfillJob::id).contains(first.id());

    assertThat(jobs.cancel(first.id(), 3_000)).isTrue();
    assertThat(jobs.cancel(first.id(), 3_000)).as("no longer active").isFalse();
    assertThat(jobs.findActive(store)).isEmpty();
    assertThat(jobs.create(store, SINCE, 4_000).id()).isNotEqualTo(first.id());
    assertThat(jobs.latest(store, 10)).hasSize(2);
  }

  @Test
  void a_page_counts_only_against_the_version_it_was_read_at_and_the_last_one_ends_the_job() {
    BackfillJob job = jobs.create(store, SINCE, 1_000);
    BackfillCursor next = job.cursor().customersRead(2, 250);

    assertThat(db.write(() -> jobs.savePage(job, next, 250, 0, 2_000))).isTrue();
    assertThat(db.write(() -> jobs.savePage(job, next, 250, 0, 2_000)))
        .as("a second run of the same page, read at the old version")
        .isFalse();
    BackfillJob read = jobs.find(job.id()).orElseThrow();
    assertThat(read.customersEnqueued()).isEqualTo(250);
    assertThat(read.pagesRead()).isEqualTo(1);
    assertThat(read.cursor().customersTotal()).isEqualTo(250);

    assertThat(db.write(() -> jobs.savePage(read, read.cursor().finished(), 0, 0, 3_000))).isTrue();
    BackfillJob done = jobs.find(job.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(BackfillState.DONE);
    assertThat(done.finishedAtMs()).isEqualTo(3_000);
    assertThat(jobs.findActive(store)).isEmpty();
    assertThat(jobs.active()).extracting(BackfillJob::id).doesNotContain(job.id());
  }

  @Test
  void pausing_resuming_and_failing_change_only_an_active_job() {
    BackfillJob job = jobs.create(store, SINCE, 1_000);

    assertThat(jobs.pause(job.id(), 2_000)).isTrue();
    assertThat(jobs.pause(job.id(), 2_000)).as("already paused").isFalse();
    assertThat(jobs.find(job.id()).orElseThrow().pausedAtMs()).isEqualTo(2_000);
    assertThat(jobs.resume(job.id(), 3_000)).isTrue();
    assertThat(jobs.find(job.id()).orElseThrow().pausedAtMs()).isNull();

    assertThat(jobs.recordFailure(job.id(), "timeout", 2, 4_000)).contains(BackfillState.RUNNING);
    assertThat(jobs.recordFailure(job.id(), "timeout", 2, 5_000)).contains(BackfillState.FAILED);
    assertThat(jobs.recordFailure(job.id(), "timeout", 2, 6_000)).isEmpty();
    BackfillJob failed = jobs.find(job.id()).orElseThrow();
    assertThat(failed.state()).isEqualTo(BackfillState.FAILED);
    assertThat(failed.lastError()).isEqualTo("timeout");
    assertThat(jobs.findActive(store)).isEmpty();
  }
}
