package io.bcsync.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Routes SIGTERM and SIGINT through {@link GracefulShutdown#drain()} before the JVM's shutdown
 * hooks run. Micronaut's own hook stops the HTTP server first and the beans after; draining needs
 * the server up (to answer 503 and report DOWN) while intake, streaming and workers wind down, and
 * JVM shutdown hooks run in no defined order, so the drain cannot be a hook of its own. Installed
 * by {@code Application.main} only: tests stop their contexts themselves.
 */
public final class ShutdownSignals {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

  private ShutdownSignals() {}

  public static void install(GracefulShutdown shutdown) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(
            new Signal(name),
            signal -> {
              LOG.info("Received SIG{}", signal.getName());
              try {
                shutdown.drain();
              } finally {
                // The conventional status of a process ended by a signal; the JVM's shutdown hooks
                // (Micronaut's: stop the server, close the context) run now.
                System.exit(128 + signal.getNumber());
              }
            });
      } catch (IllegalArgumentException e) {
        // The platform has no such signal, or the JVM reserves it (-Xrs): shutdown then runs
        // through the hooks alone, still committing queued intake and releasing claims.
        LOG.warn("Cannot handle SIG{}: {}", name, e.getMessage());
      }
    }
  }
}
