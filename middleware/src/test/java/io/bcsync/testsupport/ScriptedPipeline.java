package io.bcsync.testsupport;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.pipeline.IntakeResult;
import java.util.HashMap;
import java.util.Map;

/**
 * The set-up of a test that drives the queue by hand: the store's settings (workers and scheduler
 * off), a database, the {@link MutableClock} and the {@link ScriptedHandler}; and events recorded
 * straight into intake.
 */
public final class ScriptedPipeline {
  private ScriptedPipeline() {}

  public static Map<String, String> properties(Map<String, String> database) {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(database);
    properties.put("test.mutable-clock", "true");
    properties.put("test.scripted-handler", "true");
    return properties;
  }

  /**
   * Records a {@code store/<type>/created} event for the entity at {@code nowMs} and returns the
   * work item it opened or joined; the hash includes the instant, so a later call is a new event.
   */
  public static long record(EventIntake intake, EntityRef entity, long nowMs) {
    String hash = "hash-" + entity.storeHash() + entity.type() + entity.id() + "-" + nowMs;
    IntakeResult result =
        intake.record(
            new IncomingEvent(
                entity,
                "store/" + entity.type() + "/created",
                "stores/" + entity.storeHash(),
                null,
                hash,
                nowMs / 1000,
                "{}"));
    if (result instanceof IntakeResult.Accepted accepted) {
      return accepted.workItemId();
    }
    throw new AssertionError("intake did not accept " + entity + ": " + result);
  }
}
