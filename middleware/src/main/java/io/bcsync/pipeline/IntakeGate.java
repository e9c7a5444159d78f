package io.bcsync.pipeline;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Closes webhook intake when the instance starts to drain, whether or not intake exists yet. Intake
 * ({@link IntakeBatcher}) is created with the first callback, and asking the context for its active
 * beans at the moment of the drain can miss one created just then: a CI run of RollingRestartTest
 * saw a callback stored and acknowledged (200) by an instance that reported itself draining. Intake
 * registers itself here when it is built instead, and one built after the gate closed is closed at
 * once.
 */
@Singleton
public class IntakeGate {
  private final List<Runnable> closers = new ArrayList<>();
  private boolean closed;

  /** Runs {@code closer} when the gate closes, or now if it has closed already. */
  void onClose(Runnable closer) {
    synchronized (this) {
      if (!closed) {
        closers.add(closer);
        return;
      }
    }
    closer.run();
  }

  /**
   * Closes every intake registered so far (each commits what it had queued) and any built later;
   * returns once those registered have closed. Idempotent.
   */
  public void close() {
    List<Runnable> toRun;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toRun = List.copyOf(closers);
      closers.clear();
    }
    toRun.forEach(Runnable::run);
  }
}
