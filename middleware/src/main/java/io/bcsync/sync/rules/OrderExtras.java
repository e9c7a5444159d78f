package io.bcsync.sync.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sync.port.SalesReader;
import io.bcsync.sync.port.SalesReader.StoreRefund;
import io.bcsync.sync.port.StoreReader.StoreDocument;
import io.bcsync.sync.revenue.Utm;
import io.bcsync.sync.revenue.UtmFacts;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts of a batch's orders that are not in the order document: UTM facts (order metafields) and
 * refunds (V3 refunds), read in batches and only when an enabled rule needs them, so a store whose
 * rules do not use them pays nothing. Costs per batch: refunds one call per 50 orders; UTM facts
 * one batch read of the order metafields created from a day before the batch's oldest order to a
 * day after its newest (250 per call), or nothing with a JSONPath.
 */
@Singleton
public class OrderExtras {
  /** V2 order dates: RFC 2822, e.g. {@code Tue, 05 Mar 2024 21:40:11 +0000}. */
  private static final DateTimeFormatter V2_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final SalesReader reader;
  private final UtmFacts utmFacts;

  public OrderExtras(SalesReader reader, UtmFacts utmFacts) {
    this.reader = reader;
    this.utmFacts = utmFacts;
  }

  /** The extra facts of one order. */
  public record Extra(Utm utm, List<StoreRefund> refunds) {
    static final Extra NONE = new Extra(null, List.of());
  }

  /** What the enabled rules need read. */
  static boolean needsUtm(OrderRules rules) {
    return rules.enabled().stream()
        .anyMatch(
            r ->
                r.trigger() instanceof Condition.UtmSourcePresent
                    || r.when().stream().anyMatch(c -> c instanceof Condition.UtmSourcePresent)
                    || r.actions().stream().anyMatch(OrderExtras::enrolsByUtm));
  }

  /** An enrolment in the Campaign of the order's UTM source needs the source read. */
  private static boolean enrolsByUtm(RuleAction action) {
    return action instanceof RuleAction.EnrolInCampaign enrol
        && enrol.campaign().kind() == CampaignTarget.Kind.UTM;
  }

  static boolean needsRefunds(OrderRules rules) {
    return rules.enabled().stream()
        .anyMatch(
            r ->
                r.trigger() instanceof Condition.RefundCreated
                    || r.when().stream().anyMatch(c -> c instanceof Condition.RefundCreated));
  }

  /** The extra facts of each order (by order id) the rules need; absent orders have none. */
  public Map<Long, Extra> of(String storeHash, OrderRules rules, List<JsonNode> orders) {
    boolean utm = needsUtm(rules);
    boolean refunds = needsRefunds(rules);
    Map<Long, Extra> out = new LinkedHashMap<>();
    if ((!utm && !refunds) || orders.isEmpty()) {
      return out;
    }
    List<Long> ids = new ArrayList<>();
    orders.forEach(o -> ids.add(o.path("id").asLong()));
    Map<Long, List<StoreRefund>> refundsById =
        refunds ? reader.refundsOf(storeHash, ids) : Map.of();
    Map<Long, Utm> utmById = utm ? utm(storeHash, orders) : Map.of();
    for (long id : ids) {
      out.put(id, new Extra(utmById.get(id), refundsById.getOrDefault(id, List.of())));
    }
    return out;
  }

  private Map<Long, Utm> utm(String storeHash, List<JsonNode> orders) {
    Instant oldest = null;
    Instant newest = null;
    List<StoreDocument> documents = new ArrayList<>();
    for (JsonNode o : orders) {
      documents.add(new StoreDocument(o.path("id").asLong(), o, null));
      Instant created = created(o);
      if (created != null) {
        oldest = oldest == null || created.isBefore(oldest) ? created : oldest;
        newest = newest == null || created.isAfter(newest) ? created : newest;
      }
    }
    if (oldest == null) {
      // No order says when it was created: read their metafields one by one.
      return utmFacts.of(storeHash, Instant.EPOCH, Instant.EPOCH, List.of(), documents);
    }
    return utmFacts.of(storeHash, oldest, newest.plusSeconds(1), documents, List.of());
  }

  private static Instant created(JsonNode order) {
    String text = order.path("date_created").asText("");
    try {
      return text.isBlank() ? null : ZonedDateTime.parse(text, V2_DATE).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
