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
  private final HighValueOpportunities opportunities;
  private final RuleNotices notices;

  /**
   * Without Opportunities and notices (rules using them fail their items), and without {@link
   * OrderExtras} when null (rules on UTM facts or refunds never hold): for tests.
   */
  public OrderRulesStep(
      CompanyLedger ledger,
      RuleFirings firings,
      CampaignEnrolments enrolments,
      CaseWrites cases,
      PaymentFacts payments,
      FulfilmentWatch watch,
      Clock clock,
      OrderExtras extras) {
    this(ledger, firings, enrolments, cases, payments, watch, clock, extras, null, null);
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
      OrderExtras extras,
      HighValueOpportunities opportunities,
      RuleNotices notices) {
    this.ledger = ledger;
    this.firings = firings;
    this.enrolments = enrolments;
    this.cases = cases;
    this.payments = payments;
    this.watch = watch;
    this.clock = clock;
    this.extras = extras;
    this.opportunities = opportunities;
    this.notices = notices;
  }

  private record Firing(
      long itemId,
      long orderId,
      String key,
      List<Enrolment> enrolments,
      List<CaseRequest> cases,
      RuleOrder order,
      OrderRule rule) {
    boolean wantsOpportunity() {
      return rule.actions().stream().anyMatch(a -> a instanceof RuleAction.HighValueOpportunity);
    }
  }

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
                  cases(storeHash, rule, o, facts),
                  o,
                  rule));
        }
      }
    }
    FulfilmentWatchPlan.keep(watch, storeHash, rules, evaluated, now);
    if (due.isEmpty()) {
      return outcomes;
    }
    due.keySet().removeAll(firings.done(storeHash, due.keySet()));
    List<Enrolment> all = new ArrayList<>();
    due.values().forEach(f -> all.addAll(f.enrolments()));
    Map<Enrolment, CampaignEnrolments.Failure> failed = enrolments.enrol(storeHash, all);
    List<CaseRequest> allCases = new ArrayList<>();
    due.values().forEach(f -> allCases.addAll(f.cases()));
    Map<String, String> caseIds = new HashMap<>();
    Map<CaseRequest, CampaignEnrolments.Failure> casesFailed = cases.write(allCases, caseIds);
    HighValueOpportunities.Result opportunityIds = opportunities(storeHash, due.values());
    Map<String, Long> done = new LinkedHashMap<>();
    List<io.bcsync.sync.port.Notice> owed = new ArrayList<>();
    List<RuleWrite> written = new ArrayList<>();
    for (Firing f : due.values()) {
      CampaignEnrolments.Failure failure =
          java.util.stream.Stream.concat(
                  java.util.stream.Stream.concat(
                      f.enrolments().stream().map(failed::get),
                      f.cases().stream().map(casesFailed::get)),
                  java.util.stream.Stream.of(
                      f.wantsOpportunity() ? opportunityIds.failed().get(f.itemId()) : null))
              .filter(x -> x != null)
              .findFirst()
              .orElse(null);
      if (failure == null) {
        done.put(f.key(), f.orderId());
        owed.addAll(notices(storeHash, f, opportunityIds));
        written.addAll(
            RuleWrite.of(
                f.key(),
                f.orderId(),
                f.enrolments(),
                f.cases(),
                caseIds,
                f.wantsOpportunity() ? opportunityIds.ids().get(f.itemId()) : null));
      } else {
        String error = "order rule " + f.key() + ": " + failure.error();
        outcomes.put(
            f.itemId(), failure.permanent() ? Outcome.permanent(error) : Outcome.retry(error));
      }
    }
    // In one transaction with what they wrote, the notices and their work items.
    firings.record(storeHash, done, owed, written);
    LOG.info(
        "Store {}: order rules fired {} times ({} enrolments, {} Cases, {} Opportunities,"
            + " {} notices, {} failed)",
        storeHash,
        due.size(),
        all.size(),
        allCases.size(),
        opportunityIds.ids().size(),
        owed.size(),
        failed.size() + casesFailed.size() + opportunityIds.failed().size());
    return outcomes;
  }

  /** The Opportunities of the firings whose rule asks for one, once per order. */
  private HighValueOpportunities.Result opportunities(
      String storeHash, java.util.Collection<Firing> due) {
    Map<Long, RuleOrder> orders = new LinkedHashMap<>();
    due.stream().filter(Firing::wantsOpportunity).forEach(f -> orders.put(f.itemId(), f.order()));
    if (orders.isEmpty()) {
      return new HighValueOpportunities.Result(Map.of(), Map.of());
    }
    if (opportunities == null) {
      Map<Long, CampaignEnrolments.Failure> none = new HashMap<>();
      orders
          .keySet()
          .forEach(
              i -> none.put(i, new CampaignEnrolments.Failure("Opportunities not wired", true)));
      return new HighValueOpportunities.Result(Map.of(), none);
    }
    return opportunities.ensure(storeHash, List.copyOf(orders.values()));
  }

  /**
   * The firing's notices, linking the Opportunity when the rule made one, else the order's own
   * record.
   */
  private List<io.bcsync.sync.port.Notice> notices(
      String storeHash, Firing f, HighValueOpportunities.Result opportunityIds) {
    if (notices == null) {
      boolean notifies =
          f.rule().actions().stream()
              .anyMatch(
                  a -> a instanceof RuleAction.NotifySlack || a instanceof RuleAction.NotifyEmail);
      if (notifies) {
        throw new IllegalStateException("rule " + f.rule().name() + " notifies: notices not wired");
      }
      return List.of();
    }
    String opportunity = f.wantsOpportunity() ? opportunityIds.ids().get(f.itemId()) : null;
    return opportunity != null
        ? notices.of(
            storeHash, f.rule(), f.order().order(), HighValueOpportunities.OBJECT, opportunity)
        : notices.of(
            storeHash,
            f.rule(),
            f.order().order(),
            f.order().orderObject(),
            f.order().orderRecordId());
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
        } else if (target.kind() == CampaignTarget.Kind.UTM) {
          // No recorded source: no Campaign to choose, so nothing to enrol in.
          if (facts.utm() != null && facts.utm().hasSource()) {
            out.add(
                new Enrolment(
                    target,
                    OrderFacts.utmKey(facts.storeHash(), facts.utm().source()),
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
