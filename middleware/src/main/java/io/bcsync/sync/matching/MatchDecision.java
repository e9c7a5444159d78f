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

  record UpdateContact(String contactId, MatchRule rule) implements MatchDecision {
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
