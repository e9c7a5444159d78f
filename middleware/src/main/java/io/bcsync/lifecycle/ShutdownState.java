package io.bcsync.lifecycle;

import jakarta.inject.Singleton;

/** Whether this instance has begun to shut down; read by the health check. */
@Singleton
public class ShutdownState {
  private volatile boolean draining;

  void begin() {
    draining = true;
  }

  public boolean isDraining() {
    return draining;
  }
}
