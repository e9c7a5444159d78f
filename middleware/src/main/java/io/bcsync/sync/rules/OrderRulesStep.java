package io.bcsync.sync.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.accounts.CompanyLedger;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's order rules over a batch of written orders, run by {@code orders/OrderFlow} after the
 * order ledger holds them. Facts come from the orders already read and the ledger (one query per
 * batch); rules already fired for an occurrence are skipped (one query per batch); the actions go
 * out batched ({@link CampaignEnrolments}, {@link CaseWrites}). A firing is recorded only once all
 * its actions are done, so a failure retries the order's item and the retry repeats only what is
 * not recorded, and converges on what a lost answer had made.
 */
@Singleton
public class OrderRulesStep {
  /**
   * A written order, on behalf of a work item; {@code contactId} null when it has no Contact, and
   * {@code customerKey} (the ledger's key for its buyer) null when it has no customer; {@code
   * orderObject} and {@code orderRecordId} the Salesforce record the order was written as, and
   * {@code accountId} its buyer's Account, for what a Case links to (null when unknown).
   */
  public record RuleOrder(
      long itemId,
      JsonNode order,
      String contactId,
      String customerKey,
      String accountId,
      String orderObject,
      String orderRecordId) {
    public RuleOrder(long itemId, JsonNode order, String contactId, String customerKey) {
      this(itemId, order, contactId, customerKey, null, null, null);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(OrderRulesStep.class);

  private final CompanyLedger ledger;
  private final RuleFirings firings;
  private final CampaignEnrolments enrolments;
  private final CaseWrites cases;
  private final PaymentFacts payments;
  private final FulfilmentWatch watch;
  private final Clock clock;
  private final OrderExtras extras;

  /** Without {@link OrderExtras}: rules on UTM facts or refunds never hold (tests of the rest). */
  public OrderRulesStep(
      CompanyLedger ledger,
      RuleFirings firings,
      CampaignEnrolments enrolments,
      CaseWrites cases,
      PaymentFacts payments,
      FulfilmentWatch watch,
      Clock clock) {
    this(ledger, firings, enrolments, cases, payments, watch, clock, null);
  }

  @jakarta.inject.Inject
  public OrderRulesStep(
      CompanyLedger ledger,
      RuleFirings firings,
      CampaignEnrolments enrolments,
      CaseWrites cases,
      PaymentFacts payments,
      FulfilmentWatch watch,
      Clock clock,
      OrderExtras extras) {
    this.ledger = ledger;
    this.firings = firings;
    this.enrolments = enrolments;
    this.cases = cases;
    this.payments = payments;
    this.watch = watch;
    this.clock = clock;
    this.extras = extras;
  }

  private record Firing(
      long itemId, long orderId, String key, List<Enrolment> enrolments, List<CaseRequest> cases) {}

  /** Fires the rules for these orders; answers the items to retry or fail. */
  public Map<Long, Outcome> apply(String storeHash, OrderRules rules, List<RuleOrder> orders) {
    if (rules.isEmpty() || orders.isEmpty()) {
      return Map.of();
    }
    // The ledger counts a customer's orders by its customer key (recorded before its Contact is
    // known); the Contact is who gets enrolled.
    Set<String> customers = new LinkedHashSet<>();
    orders.forEach(
        o -> {
          if (o.contactId() != null && o.customerKey() != null) {
            customers.add(o.customerKey());
          }
        });
    Map<String, List<Long>> sequences = ledger.orderSequence(storeHash, customers);
    // UTM facts and refunds: read in batches, and only when an enabled rule needs them.
    Map<Long, OrderExtras.Extra> extra =
        extras == null
            ? Map.of()
            : extras.of(storeHash, rules, orders.stream().map(RuleOrder::order).toList());
    Map<Long, PaymentFacts.Candidate> candidates = new LinkedHashMap<>();
    for (RuleOrder o : orders) {
      long orderId = o.order().path("id").asLong();
      List<Long> sequence =
          o.contactId() == null || o.customerKey() == null
              ? List.<Long>of()
              : sequences.getOrDefault(o.customerKey(), List.of());
      candidates.putIfAbsent(
          orderId,
          new PaymentFacts.Candidate(
              o.itemId(),
              OrderFacts.of(storeHash, o.order(), o.contactId(), sequence.indexOf(orderId) + 1)));
    }
    // Transactions only where a rule needs them (PaymentFacts); an order whose read failed is
    // retried as a whole rather than judged without them.
    PaymentFacts.Read read = payments.read(storeHash, rules, candidates);
    Map<Long, Outcome> outcomes = new HashMap<>(read.failed());
    long now = clock.millis();
    Map<String, Firing> due = new LinkedHashMap<>();
    List<OrderFacts> evaluated = new ArrayList<>();
    for (RuleOrder o : orders) {
      long orderId = o.order().path("id").asLong();
      if (outcomes.containsKey(o.itemId())) {
        continue;
      }
      OrderFacts base = candidates.get(orderId).facts();
      OrderFacts facts =
          OrderFacts.of(
              storeHash,
              o.order(),
              o.contactId(),
              base.customerOrderNumber(),
              ProblemFacts.of(o.order(), read.byOrder().getOrDefault(orderId, List.of()), now));
      OrderExtras.Extra more = extra.get(orderId);
      if (more != null) {
        facts = facts.withExtras(more.utm(), more.refunds());
      }
      evaluated.add(facts);
      for (OrderRule rule : rules.enabled()) {
        if (rule.fires(facts)) {
          // The first order of a key in the batch owns the firing (a customer's two orders in
          // one batch both counting as first cannot happen, but one order twice can).
          due.putIfAbsent(
              rule.firingKey(facts),
              new Firing(
                  o.itemId(),
                  orderId,
                  rule.firingKey(facts),
                  enrolments(rule, facts),
                  cases(storeHash, rule, o, facts)));
        }
      }
    }
    keepWatch(storeHash, rules, evaluated, now);
    if (due.isEmpty()) {
      return outcomes;
    }
    due.keySet().removeAll(firings.done(storeHash, due.keySet()));
    List<Enrolment> all = new ArrayList<>();
    due.values().forEach(f -> all.addAll(f.enrolments()));
    Map<Enrolment, CampaignEnrolments.Failure> failed = enrolments.enrol(storeHash, all);
    List<CaseRequest> allCases = new ArrayList<>();
    due.values().forEach(f -> allCases.addAll(f.cases()));
    Map<CaseRequest, CampaignEnrolments.Failure> casesFailed = cases.write(allCases);
    Map<String, Long> done = new LinkedHashMap<>();
    for (Firing f : due.values()) {
      CampaignEnrolments.Failure failure =
          java.util.stream.Stream.concat(
                  f.enrolments().stream().map(failed::get),
                  f.cases().stream().map(casesFailed::get))
              .filter(x -> x != null)
              .findFirst()
              .orElse(null);
      if (failure == null) {
        done.put(f.key(), f.orderId());
      } else {
        String error = "order rule " + f.key() + ": " + failure.error();
        outcomes.put(
            f.itemId(), failure.permanent() ? Outcome.permanent(error) : Outcome.retry(error));
      }
    }
    firings.record(storeHash, done);
    LOG.info(
        "Store {}: order rules fired {} times ({} enrolments, {} Cases, {} failed)",
        storeHash,
        due.size(),
        all.size(),
        allCases.size(),
        failed.size() + casesFailed.size());
    return outcomes;
  }

  /**
   * Orders awaiting fulfilment that a {@code fulfilment_delayed} rule will find late are watched
   * until then (the {@code fulfilment-delay} job re-syncs them when due); the others are forgotten:
   * moved on, late already (firing now, or its rule's other conditions did not hold at its chance),
   * or of unknown age.
   */
  private void keepWatch(String storeHash, OrderRules rules, List<OrderFacts> facts, long now) {
    java.util.Optional<java.time.Duration> soonest =
        rules.enabled().stream()
            .map(OrderRule::trigger)
            .filter(t -> t instanceof Condition.FulfilmentDelayed)
            .map(t -> ((Condition.FulfilmentDelayed) t).after())
            .min(java.util.Comparator.naturalOrder());
    if (soonest.isEmpty() || facts.isEmpty()) {
      return;
    }
    Map<Long, Long> watched = new LinkedHashMap<>();
    List<Long> forgotten = new ArrayList<>();
    for (OrderFacts f : facts) {
      Long created = f.problems().createdMs();
      long dueAt = created == null ? 0 : created + soonest.get().toMillis();
      if (Condition.FulfilmentDelayed.AWAITING.contains(f.statusId())
          && created != null
          && dueAt > now) {
        watched.put(f.orderId(), dueAt);
      } else {
        forgotten.add(f.orderId());
      }
    }
    watch.keep(storeHash, watched, forgotten);
  }

  private static List<CaseRequest> cases(
      String storeHash, OrderRule rule, RuleOrder o, OrderFacts facts) {
    List<CaseRequest> out = new ArrayList<>();
    for (RuleAction action : rule.actions()) {
      if (action instanceof RuleAction.OpenCase open) {
        out.add(
            RefundDetails.appended(
                CaseContext.request(
                    storeHash,
                    o.order(),
                    open,
                    o.contactId(),
                    o.accountId(),
                    o.orderObject(),
                    o.orderRecordId(),
                    facts.problems()),
                facts.refunds(),
                o.order().path("currency_code").asText("")));
      }
    }
    return out;
  }

  private static List<Enrolment> enrolments(OrderRule rule, OrderFacts facts) {
    List<Enrolment> out = new ArrayList<>();
    if (facts.contactId() == null) {
      return out;
    }
    for (RuleAction action : rule.actions()) {
      if (action instanceof RuleAction.EnrolInCampaign enrol) {
        CampaignTarget target = enrol.campaign();
        if (target.kind() == CampaignTarget.Kind.COUPON) {
          for (String code : facts.coupons()) {
            out.add(
                new Enrolment(
                    target,
                    OrderFacts.couponKey(facts.storeHash(), code),
                    facts.contactId(),
                    enrol.memberStatus()));
          }
        } else {
          String key =
              target.kind() == CampaignTarget.Kind.KEY
                  ? CampaignTarget.fixedKey(facts.storeHash(), target.value())
                  : null;
          out.add(new Enrolment(target, key, facts.contactId(), enrol.memberStatus()));
        }
      }
    }
    return out;
  }
}
