package io.bcsync.sync.flows;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.port.StoreReader;
import io.bcsync.sync.port.StoreWriter;
import io.bcsync.sync.routing.Flow;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.WorkKind;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code store/hook/deliveryException}: BigCommerce is failing to deliver webhooks to us, so the
 * store's hooks are checked and repaired right away instead of at the next scheduled check.
 */
@Singleton
public class StoreHookAlertFlow implements Flow {
  static final String TYPE = "webhook";

  private final StoreReader reader;
  private final StoreWriter writer;

  public StoreHookAlertFlow(StoreReader reader, StoreWriter writer) {
    this.reader = reader;
    this.writer = writer;
  }

  @Override
  public String name() {
    return "store-hook-alert";
  }

  @Override
  public boolean handles(WorkKind kind) {
    return kind.is(Origin.BIGCOMMERCE, TYPE);
  }

  @Override
  public Map<Long, Outcome> run(List<WorkItem> items) {
    Map<String, Outcome> byStore = new HashMap<>();
    Map<Long, Outcome> outcomes = new HashMap<>();
    for (WorkItem item : items) {
      String storeHash = item.entity().storeHash();
      outcomes.put(item.id(), byStore.computeIfAbsent(storeHash, this::repair));
    }
    return outcomes;
  }

  /** One check per store however many alerts the batch holds. */
  private Outcome repair(String storeHash) {
    if (reader.access(storeHash) != StoreReader.StoreAccess.READABLE) {
      return Outcome.skipped(
          "store " + storeHash + " cannot be called (no API token, or not connected)");
    }
    writer.repairWebhooks(storeHash);
    return Outcome.SUCCESS;
  }
}
