package io.bcsync.salesforce.auth;

import io.bcsync.environment.EnvironmentGuardException;
import io.bcsync.http.LogSafe;
import io.bcsync.salesforce.soap.OrgInfo;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Endpoints for "Connect Salesforce". The app page (issue 5) calls {@code POST
 * /admin/salesforce/connect} (admin token) and sends the browser to the returned URL; Salesforce
 * redirects back to {@code GET /salesforce/oauth/callback}, which is public but only accepts a
 * state this service issued.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class SalesforceConnectController {
  private static final Logger LOG = LoggerFactory.getLogger(SalesforceConnectController.class);

  /** OAuth 2.0 error codes are short words ({@code access_denied}, RFC 6749 section 4.1.2.1). */
  private static final Pattern OAUTH_ERROR = Pattern.compile("[a-z_]{1,64}");

  private static final int MAX_DESCRIPTION = 200;

  private final WebServerFlow flow;

  public SalesforceConnectController(WebServerFlow flow) {
    this.flow = flow;
  }

  @Post("/admin/salesforce/connect")
  public HttpResponse<Map<String, Object>> connect() {
    try {
      return HttpResponse.ok(Map.of("authorizeUrl", flow.start()));
    } catch (SalesforceAuthException e) {
      return HttpResponse.badRequest(
          Map.of("error", "not_web_server_mode", "message", e.getMessage()));
    }
  }

  @Get("/salesforce/oauth/callback")
  public HttpResponse<Map<String, Object>> callback(
      @Nullable @QueryValue String code,
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String error,
      @Nullable @QueryValue("error_description") String errorDescription) {
    if (error != null) {
      // Anyone can call this URL: what it says is shown only as short visible ASCII.
      String reason = OAUTH_ERROR.matcher(error).matches() ? error : "an unrecognised error";
      String description = LogSafe.printable(errorDescription, MAX_DESCRIPTION);
      String message =
          "Salesforce did not grant access: "
              + reason
              + (description.isEmpty() ? "" : " (" + description + ")");
      LOG.warn("{}", message);
      return HttpResponse.badRequest(
          Map.of("error", "authorization_not_granted", "message", message));
    }
    try {
      OrgInfo org = flow.complete(code, state);
      return HttpResponse.ok(
          Map.of(
              "status",
              "connected",
              "orgId",
              org.orgId(),
              "orgName",
              org.name(),
              "sandbox",
              org.sandbox(),
              "username",
              org.username()));
    } catch (EnvironmentGuardException refused) {
      LOG.error(refused.getMessage());
      return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN)
          .body(Map.of("error", "org_refused", "message", refused.getMessage()));
    } catch (SalesforceAuthException e) {
      LOG.warn("Connecting Salesforce failed: {}", e.getMessage());
      return HttpResponse.badRequest(Map.of("error", "connect_failed", "message", e.getMessage()));
    } catch (Exception e) {
      LOG.warn("Connecting Salesforce failed", e);
      // A 5xx body never carries an exception's text (it may name hosts or values).
      return HttpResponse.serverError(
          Map.of("error", "connect_failed", "message", "internal error; see the service log"));
    }
  }
}
