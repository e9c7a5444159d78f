package io.bcsync.sim.bigcommerce.control;

import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.HttpIo;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Router;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The HTTP control API under /__control; see {@link ControlApi} for the routes. No auth: local use
 * only.
 */
public final class ControlServlet extends HttpServlet {
  private final Router router = new Router();

  public ControlServlet(BigCommerceSimulator sim) {
    new ControlApi(sim).register(router);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
    Optional<Router.Match> match = router.match(req.getMethod(), path);
    ApiResponse response;
    if (match.isEmpty() || match.get().isMethodNotAllowed()) {
      response =
          ApiResponse.of(
              404, Json.object().put("error", "no control route " + req.getMethod() + " " + path));
    } else {
      ApiRequest request =
          new ApiRequest(
              req.getMethod(),
              path,
              match.get().params(),
              HttpIo.query(req),
              HttpIo.body(req),
              HttpIo.headers(req),
              null,
              null,
              null);
      try {
        response = match.get().route().handler().handle(request);
      } catch (ApiException e) {
        response =
            ApiResponse.of(
                e.status(),
                Json.object()
                    .put("error", e.title())
                    .set("errors", Json.MAPPER.valueToTree(e.fieldErrors())));
      } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
        response = ApiResponse.of(400, Json.object().put("error", e.getMessage()));
      }
    }
    HttpIo.write(resp, response);
  }
}
