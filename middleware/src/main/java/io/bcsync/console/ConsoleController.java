package io.bcsync.console;

import io.bcsync.admin.AdminToken;
import io.bcsync.console.ConsoleSessions.Session;
import io.bcsync.console.OperatorOverview.Overview;
import io.bcsync.console.OperatorOverview.Window;
import io.bcsync.pipeline.DeadLetterReplays;
import io.bcsync.pipeline.QueueActivity.DeadLetterFilter;
import io.bcsync.pipeline.WorkQueue.ReplayResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console (docs/console.md): sign-in with the admin token, the overview at {@code /}
 * and its JSON for the page's refreshes, and the failed records with replay. Pages are jte
 * templates (src/main/jte/console) precompiled at build time; {@link ConsoleSecurityFilter} has
 * already checked the session of every request here but the sign-in's.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleController {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleController.class);

  /** How many replayed records the page lists afterwards (the URL carries their ids). */
  static final int MAX_SHOWN_AFTER_REPLAY = 100;

  private final AdminToken adminToken;
  private final ConsoleSessions sessions;
  private final OperatorOverview overview;
  private final FailedRecords failedRecords;
  private final DeadLetterReplays replays;

  public ConsoleController(
      AdminToken adminToken,
      ConsoleSessions sessions,
      OperatorOverview overview,
      FailedRecords failedRecords,
      DeadLetterReplays replays) {
    this.adminToken = adminToken;
    this.sessions = sessions;
    this.overview = overview;
    this.failedRecords = failedRecords;
    this.replays = replays;
  }

  @Get("/sign-in")
  @Produces(MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> signInPage() {
    return new ModelAndView<>("console/signin", Map.of("failed", false));
  }

  @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, Object> form) {
    if (!adminToken.matches(Forms.single(form, "token"))) {
      LOG.warn("Refused a console sign-in with a wrong admin token");
      return HttpResponse.status(HttpStatus.UNAUTHORIZED)
          .body(new ModelAndView<>("console/signin", Map.of("failed", true)));
    }
    Session session = sessions.create();
    Cookie cookie =
        Cookie.of(ConsoleSecurityFilter.COOKIE, session.cookieValue())
            .httpOnly(true)
            .secure(!ConsoleSecurityFilter.isLoopback(request))
            .sameSite(SameSite.Strict)
            .path("/")
            .maxAge(ConsoleSessions.TTL);
    return HttpResponse.seeOther(URI.create("/")).cookie(cookie);
  }

  @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public MutableHttpResponse<?> signOut(HttpRequest<?> request, @Body Map<String, Object> form) {
    Session session = csrfChecked(request, form);
    sessions.end(session);
    Cookie gone =
        Cookie.of(ConsoleSecurityFilter.COOKIE, "")
            .httpOnly(true)
            .secure(!ConsoleSecurityFilter.isLoopback(request))
            .sameSite(SameSite.Strict)
            .path("/")
            .maxAge(Duration.ZERO);
    return HttpResponse.seeOther(URI.create("/sign-in")).cookie(gone);
  }

  @Get("/")
  @Produces(MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> overviewPage(HttpRequest<?> request) {
    return new ModelAndView<>(
        "console/overview",
        Map.of(
            "nav", nav(request, "overview"),
            "overview", overview.overview(Window.HOUR)));
  }

  /** The overview's data, polled by overview.js every few seconds. */
  @Get("/console/api/overview")
  public Overview overviewData(@Nullable @QueryValue String window) {
    return overview.overview(
        Window.named(window == null ? "hour" : window)
            .orElseThrow(() -> new ConsoleBadRequest("window must be hour or day")));
  }

  @Get("/failed")
  @Produces(MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> failedPage(
      HttpRequest<?> request,
      @Nullable @QueryValue String store,
      @Nullable @QueryValue String kind,
      @Nullable @QueryValue String error,
      @Nullable @QueryValue Long before,
      @Nullable @QueryValue String replayed) {
    return new ModelAndView<>(
        "console/failed",
        Map.of(
            "nav",
            nav(request, "failed"),
            "failed",
            failedRecords.page(
                DeadLetterFilter.of(store, kind, error),
                Optional.ofNullable(before),
                Forms.ids(replayed))));
  }

  /**
   * Replays the dead letters the form names: {@code action=one} with {@code id}, {@code
   * action=selected} with the ticked {@code id}s, or {@code action=matching} for every dead letter
   * the form's filter matches. Answers with the failed page listing what happened to each.
   */
  @Post(value = "/failed/replay", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public MutableHttpResponse<?> replay(HttpRequest<?> request, @Body Map<String, Object> form) {
    csrfChecked(request, form);
    String action = Forms.single(form, "action");
    DeadLetterFilter filter =
        DeadLetterFilter.of(
            Forms.single(form, "store"), Forms.single(form, "kind"), Forms.single(form, "error"));
    Map<Long, ReplayResult> results;
    if ("matching".equals(action)) {
      results = replays.replayMatching(filter);
    } else if ("selected".equals(action) || action != null && action.startsWith("one:")) {
      List<Long> ids =
          action.startsWith("one:")
              ? Forms.ids(action.substring(4))
              : Forms.ids(String.join(",", Forms.all(form, "id")));
      if (ids.isEmpty()) {
        throw new ConsoleBadRequest("tick at least one failed record to replay");
      }
      if (ids.size() > 1000) {
        throw new ConsoleBadRequest("at most 1000 records per replay");
      }
      results = replays.replay(ids);
    } else {
      throw new ConsoleBadRequest("unknown action");
    }
    LOG.info("Console replayed {} dead letters", results.size());
    // Back to the filtered page, listing (some of) the records just replayed as they are now.
    List<Long> shown = results.keySet().stream().limit(MAX_SHOWN_AFTER_REPLAY).toList();
    return HttpResponse.seeOther(
        URI.create(
            results.isEmpty() ? "/failed" : FailedRecords.href(filter, Optional.empty(), shown)));
  }

  @io.micronaut.http.annotation.Error(exception = ConsoleBadRequest.class)
  public HttpResponse<Map<String, String>> badRequest(ConsoleBadRequest e) {
    return HttpResponse.badRequest(Map.of("error", "bad_request", "message", e.getMessage()));
  }

  @io.micronaut.http.annotation.Error(exception = CsrfRefused.class)
  public HttpResponse<Map<String, String>> csrfRefused(CsrfRefused e) {
    return HttpResponse.status(HttpStatus.FORBIDDEN)
        .body(Map.of("error", "forbidden", "message", "missing or wrong CSRF token"));
  }

  static Session csrfChecked(HttpRequest<?> request, Map<String, Object> form) {
    Session session = session(request);
    if (!ConsoleSessions.csrfMatches(session, Forms.single(form, "csrf"))) {
      LOG.warn(
          "Refused console {} {}: missing or wrong CSRF token",
          request.getMethod(),
          request.getPath());
      throw new CsrfRefused();
    }
    return session;
  }

  private static Session session(HttpRequest<?> request) {
    return request
        .getAttribute(ConsoleSecurityFilter.SESSION_ATTRIBUTE, Session.class)
        .orElseThrow(() -> new IllegalStateException("ConsoleSecurityFilter did not run"));
  }

  static Nav nav(HttpRequest<?> request, String active) {
    return new Nav(active, session(request).csrfToken());
  }

  /** What every page's header needs: which page is open, and the token its forms carry. */
  public record Nav(String active, String csrf) {}

  static class ConsoleBadRequest extends RuntimeException {
    ConsoleBadRequest(String message) {
      super(message, null, false, false);
    }
  }

  static class CsrfRefused extends RuntimeException {
    CsrfRefused() {
      super("missing or wrong CSRF token", null, false, false);
    }
  }
}
