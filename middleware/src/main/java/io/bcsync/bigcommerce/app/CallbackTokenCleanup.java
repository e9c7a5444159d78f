package io.bcsync.bigcommerce.app;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Once per cluster, deletes the used-token records of tokens past their usable time. */
@Factory
class CallbackTokenCleanup {
  @Singleton
  @Named("bigcommerce-callback-token-cleanup")
  RecurringTask<Void> cleanup(CallbackTokens tokens) {
    return Tasks.recurring(
            "bigcommerce-callback-token-cleanup", FixedDelay.of(Duration.ofMinutes(10)))
        .execute((instance, context) -> tokens.deleteExpired());
  }
}
