package io.bcsync.bigcommerce.app;

import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.config.AppCallbackConfig;
import io.bcsync.console.OperatorOverview;
import io.bcsync.console.OperatorOverview.Window;
import io.bcsync.db.DataAccessFailure;
import io.bcsync.sync.port.SalesforceLink;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BigCommerce's app callbacks (paths from the manifest). {@code auth} and {@code load} render HTML
 * in the control panel's iframe ({@code load}: the store's overview, AppOverviewPage, with a token
 * for its refreshes, AppPageTokens); {@code uninstall} and {@code remove_user} are
 * server-to-server. A callback whose signature does not verify, or whose token was used before,
 * gets 401 and changes nothing. Logs name the store and the reason, never a code, token or payload.
 */
@Controller("/bc")
@ExecuteOn(AppCallbackConfig.EXECUTOR)
public class BigCommerceAppController {
  private static final Logger LOG = LoggerFactory.getLogger(BigCommerceAppController.class);

  private final AppInstaller installer;
  private final SignedPayloadVerifier verifier;
  private final StoreStatus status;
  private final ConnectedStores stores;
  private final SalesforceLink salesforce;
  private final CallbackTokens tokens;
  private final AppPageTokens pageTokens;
  private final OperatorOverview overview;

  public BigCommerceAppController(
      AppInstaller installer,
      SignedPayloadVerifier verifier,
      StoreStatus status,
      ConnectedStores stores,
      SalesforceLink salesforce,
      CallbackTokens tokens,
      AppPageTokens pageTokens,
      OperatorOverview overview) {
    this.installer = installer;
    this.verifier = verifier;
    this.status = status;
    this.stores = stores;
    this.salesforce = salesforce;
    this.tokens = tokens;
    this.pageTokens = pageTokens;
    this.overview = overview;
  }

  @Get(value = "/auth", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> auth(
      @Nullable @QueryValue String code,
      @Nullable @QueryValue String scope,
      @Nullable @QueryValue String context) {
    return html(
        "auth",
        () -> {
          if (blank(code) || blank(scope) || blank(context)) {
            throw new AppRequestRejected(
                HttpStatus.BAD_REQUEST, "code, scope and context are required");
          }
          AppInstaller.Installed installed = installer.install(code, scope, context);
          return new Page(
              installed.storeHash(),
              AppPages.installed(installed.storeHash(), installed.hookProblem()));
        });
  }

  @Get(value = "/load", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> load(
      @Nullable @QueryValue("signed_payload_jwt") String jwt,
      @Nullable @QueryValue("signed_payload") String legacy) {
    return html(
        "load",
        () -> {
          SignedPayloadVerifier.Caller caller = verifier.verify(jwt, legacy != null);
          tokens.claim(caller);
          if (stores.find(caller.storeHash()).isEmpty()) {
            throw new AppRequestRejected(
                HttpStatus.NOT_FOUND,
                "bcsync is not installed on this store; install the app again");
          }
          return new Page(
              caller.storeHash(),
              AppOverviewPage.render(
                  caller.userEmail(),
                  pageTokens.mint(caller.storeHash()),
                  overview.forStore(caller.storeHash(), Window.HOUR),
                  status.summarize(caller.storeHash()),
                  salesforce.current()));
        });
  }

  @Get(value = "/uninstall", produces = MediaType.TEXT_PLAIN)
  public HttpResponse<String> uninstall(
      @Nullable @QueryValue("signed_payload_jwt") String jwt,
      @Nullable @QueryValue("signed_payload") String legacy) {
    return plain(
        "uninstall",
        () -> {
          SignedPayloadVerifier.Caller caller = verifier.verify(jwt, legacy != null);
          tokens.claim(caller);
          try {
            installer.uninstall(caller.storeHash());
          } catch (AppRequestRejected | DataAccessFailure failure) {
            boolean retryable =
                failure instanceof DataAccessFailure
                    || ((AppRequestRejected) failure).status() == HttpStatus.SERVICE_UNAVAILABLE;
            if (retryable) {
              // BigCommerce or our database could not complete it: the same callback sent again
              // must not be taken for a replay.
              release(caller, failure);
            }
            throw failure;
          }
          return "uninstalled";
        });
  }

  @Get(value = "/remove_user", produces = MediaType.TEXT_PLAIN)
  public HttpResponse<String> removeUser(
      @Nullable @QueryValue("signed_payload_jwt") String jwt,
      @Nullable @QueryValue("signed_payload") String legacy) {
    return plain(
        "remove_user",
        () -> {
          SignedPayloadVerifier.Caller caller = verifier.verify(jwt, legacy != null);
          tokens.claim(caller);
          // bcsync keeps no per-user data, so there is nothing to delete; the callback is
          // acknowledged.
          LOG.info("Store {}: user {} removed from the app", caller.storeHash(), caller.userId());
          return "ok";
        });
  }

  private void release(SignedPayloadVerifier.Caller caller, RuntimeException failure) {
    try {
      tokens.release(caller);
    } catch (DataAccessFailure releaseFailed) {
      // The callback is answered with the original failure; a retry of this token will then be
      // refused as a replay, and BigCommerce's next uninstall attempt (or a reinstall) repairs it.
      failure.addSuppressed(releaseFailed);
      LOG.error(
          "Store {}: could not forget the uninstall callback's token",
          caller.storeHash(),
          releaseFailed);
    }
  }

  /** A page for a verified store: that store's control panel may frame it (AppPageHeaders). */
  private record Page(String storeHash, String html) {}

  private static HttpResponse<String> html(String callback, Supplier<Page> page) {
    try {
      Page shown = page.get();
      MutableHttpResponse<String> response =
          HttpResponse.ok(shown.html())
              .contentType(MediaType.TEXT_HTML_TYPE)
              .header("Cache-Control", "no-store");
      response.setAttribute(AppPageHeaders.FRAMING_STORE, shown.storeHash());
      return response;
    } catch (AppRequestRejected rejected) {
      LOG.warn(
          "Refused the {} callback with {}: {}",
          callback,
          rejected.status().getCode(),
          rejected.getMessage());
      return HttpResponse.<String>status(rejected.status())
          .body(AppPages.error("bcsync could not continue", rejected.getMessage()))
          .contentType(MediaType.TEXT_HTML_TYPE)
          .header("Cache-Control", "no-store");
    }
  }

  private static HttpResponse<String> plain(String callback, Supplier<String> action) {
    try {
      return HttpResponse.ok(action.get()).contentType(MediaType.TEXT_PLAIN_TYPE);
    } catch (AppRequestRejected rejected) {
      LOG.warn(
          "Refused the {} callback with {}: {}",
          callback,
          rejected.status().getCode(),
          rejected.getMessage());
      MutableHttpResponse<String> response =
          HttpResponse.<String>status(rejected.status())
              .body(rejected.getMessage())
              .contentType(MediaType.TEXT_PLAIN_TYPE);
      if (rejected.status() == HttpStatus.SERVICE_UNAVAILABLE) {
        response.header(HttpHeaders.RETRY_AFTER, "60");
      }
      return response;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
