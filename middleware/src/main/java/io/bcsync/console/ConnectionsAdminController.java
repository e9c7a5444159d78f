package io.bcsync.console;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /admin/connections}: the console's Connections page for scripts, behind the admin
 * bearer token like every {@code /admin} path. Same service, same content.
 */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConnectionsAdminController {
  private final Connections connections;

  public ConnectionsAdminController(Connections connections) {
    this.connections = connections;
  }

  @Get("/connections")
  public Connections.View connections() {
    return connections.view();
  }
}
