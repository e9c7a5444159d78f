package io.bcsync.sync.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A finder over a list, behaving the way the planned SOQL implementation will: case-insensitive
 * equality for ids (SOQL string comparison ignores case), {@code LIKE 'local%@domain'} for emails
 * (SOQL cannot fold plus-addresses, so it over-returns), and every record with a phone for phone
 * keys (phones are stored in any format). It also counts lookups, so tests can see which rules ran.
 */
final class InMemoryCandidateFinder implements CandidateFinder {
  private final List<Candidate> records = new ArrayList<>();
  final List<MatchKey> lookups = new ArrayList<>();

  InMemoryCandidateFinder with(Candidate... candidates) {
    records.addAll(List.of(candidates));
    return this;
  }

  @Override
  public List<Candidate> find(MatchKey key) {
    lookups.add(key);
    return records.stream().filter(record -> mightMatch(key, record)).toList();
  }

  private static boolean mightMatch(MatchKey key, Candidate record) {
    if (key instanceof MatchKey.ExternalId id) {
      return id.value().equalsIgnoreCase(String.valueOf(record.externalId()));
    }
    if (key instanceof MatchKey.Email email) {
      if (record.email() == null) {
        return false;
      }
      String stored = record.email().strip().toLowerCase(Locale.ROOT);
      String[] parts = email.normalised().split("@");
      return stored.startsWith(parts[0]) && stored.endsWith("@" + parts[1]);
    }
    if (key instanceof MatchKey.Phone) {
      return record.phone() != null;
    }
    MatchKey.NameAndPostalCode name = (MatchKey.NameAndPostalCode) key;
    return record.lastName() != null && record.lastName().equalsIgnoreCase(name.lastName());
  }
}
