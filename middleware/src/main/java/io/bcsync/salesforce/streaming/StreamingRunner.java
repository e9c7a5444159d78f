package io.bcsync.salesforce.streaming;

import io.bcsync.config.SalesforceConfig;
import io.bcsync.config.SalesforceStreamingConfig;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts this instance's leader checks when streaming is enabled; releases the lease on shutdown.
 */
@Singleton
public class StreamingRunner implements ApplicationEventListener<ServerStartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingRunner.class);

  private final SalesforceConfig salesforce;
  private final SalesforceStreamingConfig config;
  private final StreamingComponents components;
  private final StreamingSupervisor supervisor;
  private ScheduledFuture<?> ticks;

  public StreamingRunner(
      SalesforceConfig salesforce,
      SalesforceStreamingConfig config,
      StreamingComponents components) {
    this.salesforce = salesforce;
    this.config = config;
    this.components = components;
    this.supervisor =
        components.supervisor("instance-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @Override
  public synchronized void onApplicationEvent(ServerStartupEvent event) {
    if (!config.enabled() || !salesforce.enabled() || ticks != null) {
      LOG.info(
          "Salesforce streaming is off (bcsync.salesforce.streaming.enabled={}, auth-mode={})",
          config.enabled(),
          salesforce.authMode());
      return;
    }
    long interval = config.leaseCheckInterval().toMillis();
    ticks =
        components
            .scheduler()
            .scheduleWithFixedDelay(
                () -> {
                  try {
                    supervisor.tick();
                  } catch (RuntimeException e) {
                    LOG.warn("Streaming: leader check failed", e);
                  }
                },
                0,
                interval,
                TimeUnit.MILLISECONDS);
  }

  public StreamingSupervisor supervisor() {
    return supervisor;
  }

  @PreDestroy
  public synchronized void stop() {
    if (ticks != null) {
      ticks.cancel(false);
      ticks = null;
    }
    supervisor.shutdown();
  }
}
