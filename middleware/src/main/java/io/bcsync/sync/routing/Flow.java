package io.bcsync.sync.routing;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import java.util.List;
import java.util.Map;

/**
 * One use case of the core, such as "BigCommerce order or customer → Salesforce". The {@link
 * WorkRouter} hands each flow the items of a claimed batch whose {@link WorkKind} it handles; a
 * flow talks to the outside only through the ports in {@code io.bcsync.sync.port}.
 *
 * <p>To add a capability, add a {@code @Singleton} implementing this interface
 * (docs/architecture.md).
 */
public interface Flow {

  /** A short, stable name for logs and metrics, such as {@code bigcommerce-to-salesforce}. */
  String name();

  /** Whether this flow takes items of this kind. The first flow (by bean order) that does wins. */
  boolean handles(WorkKind kind);

  /**
   * Processes the items, batching external calls across them. Answers one outcome per item; an item
   * missing from the answer is retried as a failure of the flow. Throwing fails all of the flow's
   * items (classified as the pipeline classifies exceptions) and no other flow's.
   */
  Map<Long, Outcome> run(List<WorkItem> items) throws Exception;
}
