package io.bcsync.salesforce.auth;

import io.bcsync.environment.EnvironmentGuardException;
import io.bcsync.http.LogSafe;
import io.bcsync.salesforce.soap.OrgInfo;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Endpoints for "Connect Salesforce" ({@link WebServerFlow}): an administrator asks {@code POST
 * /admin/salesforce/connect} (admin token) for a one-time start link and opens it in a browser;
 * {@code GET /salesforce/oauth/start} sets the PKCE verifier cookie and redirects to Salesforce;
 * Salesforce redirects back to {@code GET /salesforce/oauth/callback}. The last two are public, so
 * they answer fixed messages and log caller text only escaped and shortened.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class SalesforceConnectController {
  private static final Logger LOG = LoggerFactory.getLogger(SalesforceConnectController.class);

  static final String COOKIE = "bcsync_sf_connect";

  /** OAuth 2.0 error codes are short words ({@code access_denied}, RFC 6749 section 4.1.2.1). */
  private static final Pattern OAUTH_ERROR = Pattern.compile("[a-z_]{1,64}");

  private static final int MAX_DESCRIPTION = 200;

  private final WebServerFlow flow;

  public SalesforceConnectController(WebServerFlow flow) {
    this.flow = flow;
  }

  @Post("/admin/salesforce/connect")
  public HttpResponse<Map<String, Object>> connect(@Nullable @QueryValue String replace) {
    if (replace != null && !replace.equals("true") && !replace.equals("false")) {
      return HttpResponse.badRequest(
          Map.of("error", "invalid_replace", "message", "replace must be true or false"));
    }
    try {
      WebServerFlow.StartLink link = flow.issueStartLink("true".equals(replace));
      return HttpResponse.ok(
          Map.of(
              "startUrl",
              link.url(),
              "expiresAt",
              link.expiresAt().toString(),
              "message",
              "Open startUrl once, in the browser that will log in to Salesforce"));
    } catch (ConnectRefusedException e) {
      return refusal(e);
    }
  }

  /**
   * Opened by the administrator's browser. The cookie is SameSite=Lax, not Strict: Salesforce sends
   * the browser back to the callback with a top-level cross-site GET redirect, on which browsers
   * send Lax cookies but not Strict ones. Lax still keeps it off cross-site subrequests and POSTs;
   * HttpOnly keeps it from scripts; its path is the callback's only.
   */
  @Get("/salesforce/oauth/start")
  public MutableHttpResponse<?> start(@Nullable @QueryValue String ticket) {
    WebServerFlow.Redirect redirect;
    try {
      redirect = flow.begin(ticket);
    } catch (ConnectRefusedException e) {
      LOG.warn("Refused to start \"Connect Salesforce\": {}", e.error());
      return noStore(refusal(e));
    }
    Cookie cookie =
        Cookie.of(COOKIE, redirect.verifier())
            .httpOnly(true)
            .secure(flow.secureCallback())
            .sameSite(SameSite.Lax)
            .path(flow.callbackPath())
            .maxAge(WebServerFlow.STATE_LIFETIME);
    return noStore(HttpResponse.seeOther(URI.create(redirect.authorizeUrl())).cookie(cookie));
  }

  @Get("/salesforce/oauth/callback")
  public MutableHttpResponse<Map<String, Object>> callback(
      @Nullable @QueryValue String code,
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String error,
      @Nullable @QueryValue("error_description") String errorDescription,
      @Nullable @CookieValue(COOKIE) String verifier) {
    return noStore(answer(code, state, error, errorDescription, verifier))
        // One try per start: the verifier is of no use after this answer.
        .cookie(Cookie.of(COOKIE, "").path(flow.callbackPath()).maxAge(0));
  }

  private MutableHttpResponse<Map<String, Object>> answer(
      String code, String state, String error, String errorDescription, String verifier) {
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
      OrgInfo org = flow.complete(code, state, verifier);
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
    } catch (ConnectRefusedException e) {
      LOG.warn("Refused a Salesforce OAuth callback ({}): {}", e.error(), e.getMessage());
      return refusal(e);
    } catch (EnvironmentGuardException refused) {
      LOG.error("{}", refused.getMessage());
      return HttpResponse.<Map<String, Object>>status(HttpStatus.FORBIDDEN)
          .body(Map.of("error", "org_refused", "message", refused.getMessage()));
    } catch (SalesforceAuthException e) {
      // The detail may quote Salesforce's (escaped) answer: the log has it, the browser a fixed
      // sentence.
      LOG.warn("Connecting Salesforce failed: {}", e.getMessage());
      return HttpResponse.badRequest(
          Map.of(
              "error",
              "connect_failed",
              "message",
              "Salesforce did not issue a usable token; the service log says why. Nothing was"
                  + " changed."));
    } catch (Exception e) {
      // The class and escaped text here; the stack trace (whose messages may quote the remote
      // side unescaped) only at DEBUG.
      LOG.warn(
          "Connecting Salesforce failed: {}: {}",
          e.getClass().getName(),
          LogSafe.printable(e.getMessage(), MAX_DESCRIPTION));
      LOG.debug("Connecting Salesforce failed", e);
      return HttpResponse.serverError(
          Map.of("error", "connect_failed", "message", "internal error; see the service log"));
    }
  }

  private static MutableHttpResponse<Map<String, Object>> refusal(ConnectRefusedException e) {
    return HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf(e.status()))
        .body(Map.of("error", e.error(), "message", e.getMessage()));
  }

  /** Tickets, states and codes travel in these URLs: no caching, no Referer to elsewhere. */
  private static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
    return response
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Referrer-Policy", "no-referrer");
  }
}
