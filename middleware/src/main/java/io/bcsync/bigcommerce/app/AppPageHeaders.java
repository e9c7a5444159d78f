package io.bcsync.bigcommerce.app;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Optional;

/**
 * Security headers on every {@code /bc/*} answer (pages, plain answers and refusals alike):
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts, stylesheets and requests from this server only
 *       (the overview's module and uPlot under {@code /bc/static/} and {@code /bc/uplot/}, its
 *       refresh under {@code /bc/api/}), no inline script or style, no forms, and only
 *       BigCommerce's control panel may frame it: {@code https://*.bigcommerce.com}, plus, on pages
 *       for a store whose signed payload or install context named it, that store's own {@code
 *       https://store-<hash>.mybigcommerce.com} (where control panels have been served;
 *       BigCommerce's docs do not name the control panel's origin, so this is UNVERIFIED; the
 *       wildcard {@code *.mybigcommerce.com} is not used because every store's storefront lives
 *       under it);
 *   <li>{@code Referrer-Policy: no-referrer}: the page's URL carries the signed payload, which must
 *       not reach Salesforce (or anyone) when the merchant follows a link;
 *   <li>{@code X-Content-Type-Options: nosniff}.
 * </ul>
 */
@ServerFilter("/bc/**")
public class AppPageHeaders implements Ordered {
  /** Response attribute naming the store whose control panel may frame the page. */
  static final String FRAMING_STORE = "bcsync.app.framing-store";

  static final String CONTROL_PANEL = "https://*.bigcommerce.com";

  @Override
  public int getOrder() {
    // Outermost, so refusals of the other /bc filters (429) carry the headers too.
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @ResponseFilter
  public void addHeaders(MutableHttpResponse<?> response) {
    Optional<String> store =
        response
            .getAttribute(FRAMING_STORE, String.class)
            .flatMap(hash -> StoreContext.hashOf("stores/" + hash));
    String ancestors =
        CONTROL_PANEL
            + store.map(hash -> " https://store-" + hash + ".mybigcommerce.com").orElse("");
    response.header(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors "
            + ancestors);
    response.header("Referrer-Policy", "no-referrer");
    response.header("X-Content-Type-Options", "nosniff");
  }
}
