package io.bcsync.testsupport;

import io.bcsync.salesforce.SalesforceBeans;
import io.bcsync.salesforce.soap.ApiUsageGovernor;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the pauses the Salesforce writer would take instead of sleeping ({@code
 * test.recording-pause=true}).
 */
@Singleton
@Requires(property = "test.recording-pause", value = "true")
@Replaces(bean = ApiUsageGovernor.Pause.class, factory = SalesforceBeans.class)
public class RecordingPause implements ApiUsageGovernor.Pause {
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();

  @Override
  public void pause(Duration duration) {
    pauses.add(duration);
  }

  public List<Duration> pauses() {
    return pauses;
  }

  public void clear() {
    pauses.clear();
  }
}
