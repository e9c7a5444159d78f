package io.bcsync.console;

import io.bcsync.backfill.BackfillJobs;
import io.bcsync.backfill.BackfillProgress;
import io.bcsync.backfill.Backfills;
import io.bcsync.backfill.MatchReportView;
import io.bcsync.backfill.StoreMatchReports;
import io.bcsync.bigcommerce.stores.ConnectedStore;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.salesforce.auth.ConnectRefusedException;
import io.bcsync.salesforce.auth.WebServerFlow;
import io.bcsync.sync.review.Review;
import io.bcsync.sync.review.ReviewResolutions;
import io.bcsync.sync.review.Reviews;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's Reviews, Backfill (with the dry-run match report) and Connections pages
 * (docs/console.md). Each reads and changes state through the services the admin API uses: {@link
 * Reviews} and {@link ReviewResolutions}, {@link Backfills} and {@link StoreMatchReports}, {@link
 * Connections} and the "Connect Salesforce" {@link WebServerFlow}. {@link ConsoleSecurityFilter}
 * has checked the session; every form here carries the CSRF token, checked before anything changes.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class OperationsController {
  private static final Logger LOG = LoggerFactory.getLogger(OperationsController.class);
  public static final int DECISIONS_SHOWN = 20;

  private final ReviewsPage reviewsPage;
  private final Reviews reviews;
  private final ReviewResolutions resolutions;
  private final Backfills backfills;
  private final StoreMatchReports matchReports;
  private final ConnectedStores stores;
  private final Connections connections;
  private final WebServerFlow connectFlow;
  private final HeldOutcomes heldOutcomes;

  public OperationsController(
      ReviewsPage reviewsPage,
      Reviews reviews,
      ReviewResolutions resolutions,
      Backfills backfills,
      StoreMatchReports matchReports,
      ConnectedStores stores,
      Connections connections,
      WebServerFlow connectFlow,
      HeldOutcomes heldOutcomes) {
    this.reviewsPage = reviewsPage;
    this.reviews = reviews;
    this.resolutions = resolutions;
    this.backfills = backfills;
    this.matchReports = matchReports;
    this.stores = stores;
    this.connections = connections;
    this.connectFlow = connectFlow;
    this.heldOutcomes = heldOutcomes;
  }

  @Get("/reviews")
  @Produces(MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> reviewsPage(
      HttpRequest<?> request,
      @Nullable @QueryValue Long resolved,
      @Nullable @QueryValue Long after) {
    Map<String, Object> model = new HashMap<>();
    model.put("nav", ConsoleController.nav(request, "reviews"));
    if (after != null && after < 0) {
      throw new ConsoleController.ConsoleBadRequest("after must be a review id of 0 or more");
    }
    model.put("page", reviewsPage.page(after == null ? 0 : after));
    Review decided = resolved == null ? null : reviews.find(resolved).orElse(null);
    List<Review> latest = reviews.latestResolved(DECISIONS_SHOWN);
    // The decision just made is usually among the latest: its outcomes are read once.
    List<Review> followedReviews = new ArrayList<>(latest);
    if (decided != null && latest.stream().noneMatch(review -> review.id() == decided.id())) {
      followedReviews.add(decided);
    }
    Map<Long, List<HeldOutcomes.Followed>> followed = heldOutcomes.of(followedReviews);
    model.put("resolved", decided);
    model.put("followed", decided == null ? List.of() : followed.get(decided.id()));
    List<Decision> decisions = new ArrayList<>();
    for (Review review : latest) {
      decisions.add(new Decision(review, followed.get(review.id())));
    }
    model.put("decisions", decisions);
    return new ModelAndView<>("console/reviews", model);
  }

  /**
   * {@code action=link} with the candidate's {@code contactId}, or {@code action=create}; answers
   * with the Reviews page naming the decision and the held work that follows it.
   */
  @Post(value = "/reviews/{id}/resolve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public MutableHttpResponse<?> resolve(
      HttpRequest<?> request, @PathVariable long id, @Body Map<String, Object> form) {
    ConsoleController.csrfChecked(request, form);
    String action = Forms.single(form, "action");
    String contactId;
    if ("create".equals(action)) {
      contactId = null;
    } else if ("link".equals(action)) {
      contactId = Forms.single(form, "contactId");
      if (contactId == null || contactId.isBlank()) {
        throw new ConsoleController.ConsoleBadRequest("link needs the Contact's id");
      }
      contactId = contactId.trim();
    } else {
      throw new ConsoleController.ConsoleBadRequest("action must be link or create");
    }
    try {
      ReviewResolutions.Resolved resolved =
          resolutions.resolve(id, contactId, ReviewResolutions.BY_CONSOLE);
      LOG.info(
          "Console resolved review {} ({}); {} held item(s) queued again",
          id,
          resolved.resolution(),
          resolved.requeued().size());
      return HttpResponse.seeOther(URI.create("/reviews?resolved=" + id));
    } catch (ReviewResolutions.BadResolution e) {
      throw new ConsoleController.ConsoleBadRequest(e.getMessage());
    } catch (ReviewResolutions.UnknownReview e) {
      return HttpResponse.notFound(Map.of("error", "not_found", "message", e.getMessage()));
    } catch (ReviewResolutions.NotOpen e) {
      return HttpResponse.status(HttpStatus.CONFLICT)
          .body(Map.of("error", "conflict", "message", e.getMessage()));
    }
  }

  @Get("/backfill")
  @Produces(MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> backfillPage(HttpRequest<?> request) {
    return backfillView(request, null);
  }

  @Post(value = "/backfill/start", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public MutableHttpResponse<?> startBackfill(
      HttpRequest<?> request, @Body Map<String, Object> form) {
    ConsoleController.csrfChecked(request, form);
    String store = Forms.single(form, "store");
    String since = Forms.single(form, "since");
    try {
      BackfillProgress started = backfills.start(store, since);
      LOG.info("Console started backfill {} of store {}", started.id(), started.store());
      return HttpResponse.seeOther(URI.create("/backfill#backfill-" + started.id()));
    } catch (Backfills.BadBackfillRequest e) {
      return refused(request, HttpStatus.BAD_REQUEST, e.getMessage());
    } catch (Backfills.UnknownStore e) {
      return refused(request, HttpStatus.NOT_FOUND, e.getMessage());
    } catch (BackfillJobs.ActiveBackfillExists e) {
      return refused(request, HttpStatus.CONFLICT, e.getMessage() + ": watch or cancel it below");
    }
  }

  @Post(value = "/backfill/{id}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public MutableHttpResponse<?> cancelBackfill(
      HttpRequest<?> request, @PathVariable long id, @Body Map<String, Object> form) {
    ConsoleController.csrfChecked(request, form);
    Boolean cancelled = backfills.cancel(id).orElse(null);
    if (cancelled == null) {
      return refused(request, HttpStatus.NOT_FOUND, "no backfill " + id);
    }
    if (!cancelled) {
      return refused(request, HttpStatus.CONFLICT, "backfill " + id + " had already ended");
    }
    LOG.info("Console cancelled backfill {}", id);
    return HttpResponse.seeOther(URI.create("/backfill#backfill-" + id));
  }

  /** One backfill's bar, polled by backfill.js while it runs. */
  @Get("/console/api/backfill/{id}")
  public HttpResponse<?> backfillData(@PathVariable long id) {
    return backfills
        .find(id)
        .<HttpResponse<?>>map(progress -> HttpResponse.ok(BackfillBar.of(progress)))
        .orElseGet(
            () -> HttpResponse.notFound(Map.of("error", "not_found", "message", "no backfill")));
  }

  /**
   * The dry-run match report as a JSON file download: the same report as {@code GET
   * /admin/match-report}, computed while the request waits. Refusals come back as the Backfill page
   * with the reason.
   */
  @Get("/backfill/match-report")
  public MutableHttpResponse<?> matchReport(
      HttpRequest<?> request,
      @Nullable @QueryValue String store,
      @Nullable @QueryValue String since,
      @Nullable @QueryValue String until,
      @Nullable @QueryValue String guests) {
    if (guests != null && !guests.isBlank() && !guests.equals("true")) {
      return refused(request, HttpStatus.BAD_REQUEST, "guests must be ticked or not");
    }
    MatchReportView report;
    try {
      report = matchReports.report(store, since, until, "true".equals(guests));
    } catch (Backfills.BadBackfillRequest e) {
      return refused(request, HttpStatus.BAD_REQUEST, e.getMessage());
    } catch (Backfills.UnknownStore e) {
      return refused(request, HttpStatus.NOT_FOUND, e.getMessage());
    } catch (StoreMatchReports.NoCandidateSource e) {
      return refused(request, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    } catch (StoreMatchReports.CandidateLookupFailed e) {
      return refused(request, HttpStatus.BAD_GATEWAY, e.getMessage());
    }
    String file = "match-report-" + store.trim() + "-" + LocalDate.now(ZoneOffset.UTC) + ".json";
    return HttpResponse.ok(report)
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
  }

  @Get("/connections")
  @Produces(MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> connectionsPage(HttpRequest<?> request) {
    return connectionsView(request, null);
  }

  /**
   * "Connect Salesforce": asks the web-server flow for a one-time start link, as {@code POST
   * /admin/salesforce/connect} does, and answers with the Connections page offering it as a link.
   * Not a redirect: the console's {@code form-action 'self'} policy also governs the redirects
   * after a form is sent, and the start link redirects on to Salesforce's login, which the browser
   * would refuse. A link the administrator follows is a plain navigation.
   */
  @Post(value = "/connections/salesforce/connect", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public MutableHttpResponse<?> connectSalesforce(
      HttpRequest<?> request, @Body Map<String, Object> form) {
    ConsoleController.csrfChecked(request, form);
    boolean replace = "true".equals(Forms.single(form, "replace"));
    try {
      WebServerFlow.StartLink link = connectFlow.issueStartLink(replace);
      ModelAndView<Map<String, Object>> page = connectionsView(request, null);
      page.getModel().orElseThrow().put("startLink", link);
      return HttpResponse.ok(page);
    } catch (ConnectRefusedException e) {
      return HttpResponse.status(HttpStatus.valueOf(e.status()))
          .body(connectionsView(request, e.getMessage()));
    }
  }

  private MutableHttpResponse<?> refused(HttpRequest<?> request, HttpStatus status, String why) {
    return HttpResponse.status(status).body(backfillView(request, why));
  }

  private ModelAndView<Map<String, Object>> backfillView(HttpRequest<?> request, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("nav", ConsoleController.nav(request, "backfill"));
    model.put(
        "stores", stores.withApiAccess().stream().map(ConnectedStore::storeHash).sorted().toList());
    model.put("backfills", backfills.latest(null).stream().map(BackfillBar::of).toList());
    model.put("error", error);
    model.put("today", LocalDate.now(ZoneOffset.UTC).toString());
    return new ModelAndView<>("console/backfill", model);
  }

  private ModelAndView<Map<String, Object>> connectionsView(HttpRequest<?> request, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("nav", ConsoleController.nav(request, "connections"));
    model.put("view", connections.view());
    model.put("error", error);
    model.put("startLink", null);
    return new ModelAndView<>("console/connections", model);
  }

  @io.micronaut.http.annotation.Error(exception = ConsoleController.ConsoleBadRequest.class)
  public HttpResponse<Map<String, String>> badRequest(ConsoleController.ConsoleBadRequest e) {
    return HttpResponse.badRequest(Map.of("error", "bad_request", "message", e.getMessage()));
  }

  @io.micronaut.http.annotation.Error(exception = ConsoleController.CsrfRefused.class)
  public HttpResponse<Map<String, String>> csrfRefused(ConsoleController.CsrfRefused e) {
    return HttpResponse.status(HttpStatus.FORBIDDEN)
        .body(Map.of("error", "forbidden", "message", "missing or wrong CSRF token"));
  }

  /** A resolved review with what became of the work it held, for the latest decisions list. */
  public record Decision(Review review, List<HeldOutcomes.Followed> followed) {}
}
