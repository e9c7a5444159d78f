package io.bcsync.sync.revenue;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.bcsync.config.DailyRevenueConfig;
import io.bcsync.sync.port.SalesReader;
import io.bcsync.sync.port.StoreReader.StoreDocument;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where an order's UTM source and medium come from (docs/order-rules.md, "UTM facts"): a JSONPath
 * into the order document (no call) when {@code bcsync.daily-revenue.utm-json-path} is set, else
 * the order metafield {@code utm-namespace}/{@code utm-key} the storefront wrote, read in batches.
 */
@Singleton
public class UtmFacts {
  /**
   * How far around the day metafields are looked for: a storefront writes the metafield right after
   * checkout, which may fall after midnight for an order placed just before it.
   */
  static final Duration METAFIELD_SLACK = Duration.ofDays(1);

  private static final Configuration JSON_PATH =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .options(Option.DEFAULT_PATH_LEAF_TO_NULL)
          .build();

  private final SalesReader reader;
  private final DailyRevenueConfig config;
  private final JsonPath path;

  public UtmFacts(SalesReader reader, DailyRevenueConfig config) {
    this.reader = reader;
    this.config = config;
    this.path = config.utmFromOrderDocument() ? JsonPath.compile(config.utmJsonPath()) : null;
  }

  /**
   * The UTM facts of the day's orders ({@code dayOrders}, created in {@code [from, to)}) and of
   * older orders refunded on the day ({@code otherOrders}). Metafields: one batch read per 250
   * metafields created around the day, plus one call per order of {@code otherOrders} (refunds of
   * orders from other days, a few a day).
   */
  public Map<Long, Utm> of(
      String storeHash,
      Instant from,
      Instant to,
      Collection<StoreDocument> dayOrders,
      Collection<StoreDocument> otherOrders) {
    Map<Long, Utm> out = new LinkedHashMap<>();
    if (path != null) {
      for (StoreDocument d : dayOrders) {
        fromDocument(d.json()).ifPresent(u -> out.put(d.id(), u));
      }
      for (StoreDocument d : otherOrders) {
        fromDocument(d.json()).ifPresent(u -> out.put(d.id(), u));
      }
      return out;
    }
    Set<Long> wanted = new HashSet<>();
    dayOrders.forEach(d -> wanted.add(d.id()));
    if (!wanted.isEmpty()) {
      reader
          .orderMetafieldsCreated(
              storeHash,
              config.utmNamespace(),
              config.utmKey(),
              from.minus(METAFIELD_SLACK),
              to.plus(METAFIELD_SLACK))
          .forEach(
              (orderId, value) -> {
                if (wanted.contains(orderId)) {
                  Utm.parse(value).ifPresent(u -> out.put(orderId, u));
                }
              });
    }
    Set<Long> others = new HashSet<>();
    otherOrders.forEach(d -> others.add(d.id()));
    if (!others.isEmpty()) {
      reader
          .orderMetafields(storeHash, config.utmNamespace(), config.utmKey(), others)
          .forEach((orderId, value) -> Utm.parse(value).ifPresent(u -> out.put(orderId, u)));
    }
    return out;
  }

  /** The UTM facts a JSONPath finds in the order document, empty without a path or a value. */
  public Optional<Utm> fromDocument(JsonNode order) {
    if (path == null) {
      return Optional.empty();
    }
    try {
      JsonNode found = JsonPath.using(JSON_PATH).parse(order).read(path);
      return Utm.of(found);
    } catch (PathNotFoundException absent) {
      return Optional.empty();
    }
  }
}
