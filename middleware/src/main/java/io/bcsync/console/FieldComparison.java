package io.bcsync.console;

import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.CustomerProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The fields a review compares, the customer's beside a candidate's, each marked as the same or
 * different. "The same" is loose on purpose, as a person reads them: case, surrounding and inner
 * spaces do not count, and phone numbers compare by their digits (the last ten, so a country code
 * written or not is no difference). The matcher's own normalisation is stricter; this only guides
 * the eye, the decision is the person's.
 */
public final class FieldComparison {
  private FieldComparison() {}

  /** How a candidate's value compares with the customer's. */
  public enum Verdict {
    SAME("same"),
    DIFFERS("differs"),
    /** One side has no value: nothing to compare. */
    MISSING("not set");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /**
   * @param verdict null for the customer's own column
   */
  public record Field(String label, String value, Verdict verdict) {
    public boolean differs() {
      return verdict == Verdict.DIFFERS;
    }
  }

  private record Spec(
      String label,
      Function<CustomerProfile, String> customer,
      Function<Candidate, String> candidate,
      Function<String, String> normal) {}

  private static final List<Spec> SPECS =
      List.of(
          new Spec("E-mail", CustomerProfile::email, Candidate::email, FieldComparison::loose),
          new Spec("Phone", CustomerProfile::phone, Candidate::phone, FieldComparison::digits),
          new Spec(
              "First name",
              CustomerProfile::firstName,
              Candidate::firstName,
              FieldComparison::loose),
          new Spec(
              "Last name", CustomerProfile::lastName, Candidate::lastName, FieldComparison::loose),
          new Spec(
              "Postal code",
              CustomerProfile::postalCode,
              Candidate::postalCode,
              FieldComparison::loose));

  public static List<String> labels() {
    return SPECS.stream().map(Spec::label).toList();
  }

  /** The customer's column; empty when the customer could not be read. */
  static List<Field> fieldsOf(CustomerProfile customer) {
    List<Field> fields = new ArrayList<>();
    if (customer == null) {
      return fields;
    }
    for (Spec spec : SPECS) {
      fields.add(new Field(spec.label(), spec.customer().apply(customer), null));
    }
    return fields;
  }

  /** A candidate's column; empty when Salesforce did not return the candidate. */
  static List<Field> of(CustomerProfile customer, Candidate candidate) {
    List<Field> fields = new ArrayList<>();
    if (candidate == null) {
      return fields;
    }
    for (Spec spec : SPECS) {
      String theirs = spec.candidate().apply(candidate);
      String ours = customer == null ? null : spec.customer().apply(customer);
      fields.add(new Field(spec.label(), theirs, verdict(ours, theirs, spec.normal())));
    }
    return fields;
  }

  static Verdict verdict(String ours, String theirs, Function<String, String> normal) {
    String a = ours == null ? "" : normal.apply(ours);
    String b = theirs == null ? "" : normal.apply(theirs);
    if (a.isEmpty() || b.isEmpty()) {
      return Verdict.MISSING;
    }
    return a.equals(b) ? Verdict.SAME : Verdict.DIFFERS;
  }

  static String loose(String value) {
    return value.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  static String digits(String value) {
    String digits = value.replaceAll("\\D", "");
    return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
  }
}
