package io.bcsync.sync.stores;

import io.bcsync.config.BcsyncConfig;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.mapping.SalesforceSchema;
import io.bcsync.sync.port.ExternalReference;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.StoreReader;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code BC_Store__c} per connected store, upserted by {@code BC_Store_Hash__c} before the
 * store's first records of this process are written, and the lookup every record with a {@code
 * BC_Store__c} field carries to it. An upsert by the store hash converges however often it is
 * repeated (a lost answer, a restart, two instances), so the cache only saves calls: a store is
 * written once per process and store.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class StoreRecords implements StoreLinks {
  public static final String OBJECT = "BC_Store__c";
  public static final String KEY = "BC_Store_Hash__c";

  /** The objects the package gives a {@code BC_Store__c} lookup that the sync writes. */
  private static final Set<String> LINKED = Set.of("Account", "Contact", "Order", "BC_Order__c");

  private static final int NAME_LENGTH = 80;
  private static final Logger LOG = LoggerFactory.getLogger(StoreRecords.class);

  private final StoreReader store;
  private final SalesforceRecords salesforce;
  private final boolean production;
  private final boolean available;
  private final Set<String> ensured = ConcurrentHashMap.newKeySet();

  public StoreRecords(
      StoreReader store,
      SalesforceRecords salesforce,
      BcsyncConfig config,
      SalesforceSchema schema) {
    this.store = store;
    this.salesforce = salesforce;
    this.production = config.isProduction();
    this.available =
        schema.object(OBJECT).flatMap(o -> o.field(KEY)).isPresent()
            && LINKED.stream()
                .allMatch(o -> schema.object(o).flatMap(s -> s.field(OBJECT)).isPresent());
    if (!available) {
      LOG.warn(
          "The org has no {}.{} (or a record the sync writes lacks its {} lookup): stores are not"
              + " written to Salesforce and records are not linked to them",
          OBJECT,
          KEY,
          OBJECT);
    }
  }

  /**
   * Makes sure the store's record exists, on behalf of {@code ownerItem}.
   *
   * @return the failure every item of the store's batch gets when it could not be written
   */
  public Optional<Outcome> ensure(String storeHash, long ownerItem) {
    if (!available || ensured.contains(storeHash)) {
      return Optional.empty();
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Name", name(storeHash));
    fields.put(KEY, storeHash);
    fields.put("BC_Control_Panel_URL__c", controlPanelUrl(storeHash));
    fields.put("BC_Environment__c", production ? "Production" : "Sandbox");
    RecordResult result =
        salesforce
            .write(List.of(RecordWrite.upsert(ownerItem, OBJECT, KEY, fields)))
            .results()
            .get(0);
    if (!result.success()) {
      String error = "store " + storeHash + ": " + OBJECT + " upsert failed: " + result.errors();
      return Optional.of(result.retryable() ? Outcome.retry(error) : Outcome.permanent(error));
    }
    ensured.add(storeHash);
    LOG.info(
        "Store {}: {} {} {}",
        storeHash,
        OBJECT,
        result.created() ? "created" : "updated",
        result.id());
    return Optional.empty();
  }

  /**
   * Adds the lookup to the store's record, under its relationship name, when {@code object} has
   * one.
   */
  @Override
  public void link(String storeHash, String object, Map<String, Object> fields) {
    if (available && LINKED.contains(object)) {
      fields.put("BC_Store__r", reference(storeHash));
    }
  }

  public static ExternalReference reference(String storeHash) {
    return new ExternalReference(OBJECT, KEY, storeHash);
  }

  /** The store's control panel, which the package's order panel links orders under. */
  public static String controlPanelUrl(String storeHash) {
    return "https://store-" + storeHash + ".mybigcommerce.com/manage";
  }

  private String name(String storeHash) {
    String name = store.storeName(storeHash);
    if (name == null || name.isBlank()) {
      name = "BigCommerce store " + storeHash;
    }
    return name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name.strip();
  }
}
