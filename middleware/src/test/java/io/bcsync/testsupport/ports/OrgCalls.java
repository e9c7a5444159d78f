package io.bcsync.testsupport.ports;

import io.bcsync.salesforce.writer.SalesforceUnreachableException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The API calls the in-memory org answered, counted per call and object ({@code upsert Order}), and
 * the faults a test planned for the next calls of one kind: failing as a whole with a status code,
 * or applied with the response lost on the way back.
 */
final class OrgCalls {
  /**
   * What goes wrong with one call.
   *
   * @param code the status code every record of the call gets (null for a lost response)
   * @param lostResponse the call is applied, but its caller never hears back
   */
  record Fault(String code, boolean lostResponse) {}

  private final Map<String, Integer> counts = new HashMap<>();
  private final Map<String, Deque<Fault>> planned = new HashMap<>();

  /** Counts a call and answers the fault planned for it, if any. */
  Optional<Fault> call(String call, String sobjectType) {
    String key = key(call, sobjectType);
    counts.merge(key, 1, Integer::sum);
    Deque<Fault> faults = planned.get(key);
    return Optional.ofNullable(faults == null ? null : faults.poll());
  }

  /**
   * A call that succeeds or throws as a whole, as queries, deletes and conversions do: a planned
   * fault throws what the adapters throw for a call that failed as a whole, before the work (a
   * failure) or after it (a lost response).
   */
  <T> T whole(String call, String sobjectType, Supplier<T> work) {
    Optional<Fault> fault = call(call, sobjectType);
    if (fault.isPresent() && !fault.get().lostResponse()) {
      throw unreachable(call, sobjectType, fault.get().code());
    }
    T result = work.get();
    if (fault.isPresent()) {
      throw unreachable(call, sobjectType, "TIMEOUT");
    }
    return result;
  }

  private static SalesforceUnreachableException unreachable(
      String call, String sobjectType, String code) {
    return new SalesforceUnreachableException(
        call + " " + sobjectType,
        OrgRecords.error(code, "planned fault of the in-memory org"),
        null);
  }

  void plan(String call, String sobjectType, Fault fault, int times) {
    Deque<Fault> faults = planned.computeIfAbsent(key(call, sobjectType), k -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      faults.add(fault);
    }
  }

  int count(String call, String sobjectType) {
    return counts.getOrDefault(key(call, sobjectType), 0);
  }

  int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  Map<String, Integer> all() {
    return Map.copyOf(counts);
  }

  private static String key(String call, String sobjectType) {
    return call + " " + sobjectType;
  }
}
