package io.bcsync.backfill;

/**
 * RUNNING and PAUSED (waiting for the work queue to drain below its high-water mark) are active: at
 * most one per store. The others are final.
 */
public enum BackfillState {
  RUNNING,
  PAUSED,
  DONE,
  FAILED,
  CANCELLED;

  public boolean isActive() {
    return this == RUNNING || this == PAUSED;
  }
}
