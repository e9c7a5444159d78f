package io.bcsync.sync.customers;

import static io.bcsync.sync.customers.RacingWorkers.WAIT_SECONDS;

import io.bcsync.sync.matching.CandidateFinder;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.CandidateSource;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.MatchingConfig;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test doubles of the ports both racing workers call: the real lookup and conversion, stopping at a
 * {@link Gate} until the test opens it, so the overlap of two workers is forced, not hoped for.
 */
final class GatedPorts {
  private GatedPorts() {}

  /** A point a worker stops at until the test opens it. */
  static final class Gate {
    private final CompletableFuture<Void> reached = new CompletableFuture<>();
    private final CountDownLatch open = new CountDownLatch(1);

    void pass() {
      reached.complete(null);
      try {
        if (!open.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /**
     * Until the worker stands at the gate, or finished without reaching it (refused its customer).
     */
    void awaitReached(RacingWorkers.Run run) throws Exception {
      CompletableFuture.anyOf(reached, run.done).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    void open() {
      open.countDown();
    }
  }

  /** The real lookup with Contacts answered from before the gate and Leads from after it. */
  record ContactsThenLeads(CandidateSource real, Gate gate) implements CandidateSource {
    @Override
    public CandidateFinder prefetch(Collection<CustomerProfile> profiles, MatchingConfig config)
        throws Exception {
      CandidateFinder before = real.prefetch(profiles, config);
      gate.pass();
      CandidateFinder after = real.prefetch(profiles, config);
      return key ->
          Stream.concat(
                  before.find(key).stream().filter(c -> c.kind() == CandidateKind.CONTACT),
                  after.find(key).stream().filter(c -> c.kind() == CandidateKind.LEAD))
              .toList();
    }
  }

  /** The real lookup, then a stop before the worker decides and writes. */
  record StopAfterLookup(CandidateSource real, Gate gate) implements CandidateSource {
    @Override
    public CandidateFinder prefetch(Collection<CustomerProfile> profiles, MatchingConfig config)
        throws Exception {
      CandidateFinder found = real.prefetch(profiles, config);
      gate.pass();
      return found;
    }
  }

  /** The real conversion, then a stop before the worker links the Lead's new Contact. */
  record ConvertThenStop(LeadConversion real, Gate gate) implements LeadConversion {
    @Override
    public Map<String, Converted> convert(List<String> leadIds) throws Exception {
      Map<String, Converted> converted = real.convert(leadIds);
      gate.pass();
      return converted;
    }
  }
}
