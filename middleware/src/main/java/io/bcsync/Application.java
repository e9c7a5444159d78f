package io.bcsync;

import io.bcsync.lifecycle.GracefulShutdown;
import io.bcsync.lifecycle.ShutdownSignals;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

public final class Application {
  private Application() {}

  public static void main(String[] args) {
    ApplicationContext context = Micronaut.run(Application.class, args);
    // After startup: a signal during startup ends the JVM the default way (nothing is acknowledged
    // or claimed yet that the hooks would not settle).
    ShutdownSignals.install(context.getBean(GracefulShutdown.class));
  }
}
