package io.bcsync.sync.matching;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a dry run would do for each customer, for an admin endpoint or command to render. Entries
 * name customers by {@link CustomerProfile#reference()} only; the candidates of a review decision
 * do hold Salesforce contact data, for the admin who decides, so log {@link #counts()} rather than
 * entries.
 */
public record MatchReport(List<Entry> entries) {

  public record Entry(String customer, MatchDecision decision) {}

  public MatchReport {
    entries = List.copyOf(entries);
  }

  /** How many customers end in each outcome; every outcome is present, zero included. */
  public Map<MatchOutcome, Integer> counts() {
    Map<MatchOutcome, Integer> counts = new EnumMap<>(MatchOutcome.class);
    for (MatchOutcome outcome : MatchOutcome.values()) {
      counts.put(outcome, 0);
    }
    entries.forEach(entry -> counts.merge(entry.decision().outcome(), 1, Integer::sum));
    return counts;
  }

  public List<Entry> withOutcome(MatchOutcome outcome) {
    return entries.stream().filter(entry -> entry.decision().outcome() == outcome).toList();
  }
}
