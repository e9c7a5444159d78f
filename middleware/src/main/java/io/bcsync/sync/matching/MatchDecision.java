package io.bcsync.sync.matching;

import java.util.List;
import java.util.Optional;

/**
 * What the sync should do with a customer. Every decision that found something names the rule that
 * found it.
 */
public sealed interface MatchDecision {

  MatchOutcome outcome();

  /** The rule that found the record, or the candidates under review; empty for {@link Create}. */
  Optional<MatchRule> matchedBy();

  /** No rule found anyone: create a new Contact or Lead. */
  record Create(CandidateKind as) implements MatchDecision {
    public MatchOutcome outcome() {
      return MatchOutcome.CREATE;
    }

    public Optional<MatchRule> matchedBy() {
      return Optional.empty();
    }
  }

  /**
   * One Contact found: the customer's orders go on it.
   *
   * @param attachOnly link the customer and its orders to the Contact but write none of its fields:
   *     the Contact is a registered customer's or another store's, and a guest checkout (anyone can
   *     type any e-mail) must not rewrite its name, e-mail, phone or address
   */
  record UpdateContact(String contactId, MatchRule rule, boolean attachOnly)
      implements MatchDecision {
    public UpdateContact(String contactId, MatchRule rule) {
      this(contactId, rule, false);
    }

    public MatchOutcome outcome() {
      return MatchOutcome.UPDATE;
    }

    public Optional<MatchRule> matchedBy() {
      return Optional.of(rule);
    }
  }

  record UpdateLead(String leadId, MatchRule rule) implements MatchDecision {
    public MatchOutcome outcome() {
      return MatchOutcome.UPDATE_LEAD;
    }

    public Optional<MatchRule> matchedBy() {
      return Optional.of(rule);
    }
  }

  record ConvertLead(String leadId, MatchRule rule) implements MatchDecision {
    public MatchOutcome outcome() {
      return MatchOutcome.CONVERT_LEAD;
    }

    public Optional<MatchRule> matchedBy() {
      return Optional.of(rule);
    }
  }

  /** Nothing may be written: a person has to choose among the candidates (or decide to create). */
  record Review(List<Candidate> candidates, String reason, MatchRule rule)
      implements MatchDecision {
    public Review {
      candidates = List.copyOf(candidates);
    }

    public MatchOutcome outcome() {
      return MatchOutcome.REVIEW;
    }

    public Optional<MatchRule> matchedBy() {
      return Optional.of(rule);
    }
  }
}
