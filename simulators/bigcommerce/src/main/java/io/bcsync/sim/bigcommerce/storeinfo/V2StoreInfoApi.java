package io.bcsync.sim.bigcommerce.storeinfo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.Store;

/**
 * V2 /store and /time. Note: `id` is the store hash while `store_id` is the numeric id webhooks
 * carry.
 */
public final class V2StoreInfoApi {
  public void register(Router r) {
    r.add("GET", "/v2/store", this::store);
    r.add(
        "GET",
        "/v2/time",
        req -> ApiResponse.ok(Json.object().put("time", req.now().getEpochSecond())));
  }

  private ApiResponse store(ApiRequest req) {
    Store s = req.store();
    ObjectNode n = Json.object();
    n.put("id", s.hash());
    n.put(
        "account_uuid",
        "00000000-0000-4000-8000-"
            + String.format("%012d", Long.parseLong(s.storeId()) % 1_000_000_000_000L));
    n.put("domain", s.hash() + ".mybigcommerce.example");
    n.put("secure_url", "https://" + s.hash() + ".mybigcommerce.example");
    n.put("control_panel_base_url", "https://store-" + s.hash() + ".mybigcommerce.example");
    n.put("status", "live");
    n.put("name", s.name());
    n.put("first_name", "Sim");
    n.put("last_name", "Owner");
    n.put("address", "1 Simulation Way, Austin, TX");
    n.put("country", "United States");
    n.put("country_code", "US");
    n.put("phone", "");
    n.put("admin_email", "owner@" + s.hash() + ".example");
    n.put("order_email", "orders@" + s.hash() + ".example");
    n.put("favicon_url", "");
    // The store's time zone as BigCommerce describes it (reference/store_information.v2.yml,
    // Timezone): an IANA name, the standard ("winter") offset and the daylight-saving offset from
    // UTC in seconds, and whether the zone observes daylight saving time. Offsets as of now.
    java.time.ZoneId zone = s.timeZone();
    java.time.zone.ZoneRules rules = zone.getRules();
    java.time.Instant now = req.now();
    int standard = rules.getStandardOffset(now).getTotalSeconds();
    boolean observesDst = !rules.isFixedOffset() && !rules.getTransitionRules().isEmpty();
    long savings =
        observesDst
            ? java.util.stream.Stream.of(rules.nextTransition(now), rules.previousTransition(now))
                .filter(java.util.Objects::nonNull)
                .mapToLong(
                    t ->
                        Math.abs(
                            (long) t.getOffsetAfter().getTotalSeconds()
                                - t.getOffsetBefore().getTotalSeconds()))
                .max()
                .orElse(0)
            : 0;
    ObjectNode tz = n.putObject("timezone");
    tz.put("name", zone.getId())
        .put("raw_offset", standard)
        .put("dst_offset", standard + savings)
        .put("dst_correction", observesDst);
    tz.putObject("date_format")
        .put("display", "jS M Y")
        .put("export", "M jS Y")
        .put("extended_display", "M jS Y @ g:i A");
    n.put("language", "en");
    n.put("currency", "USD");
    n.put("currency_symbol", "$");
    n.put("decimal_separator", ".");
    n.put("thousands_separator", ",");
    n.put("decimal_places", 2);
    n.put("currency_symbol_location", "left");
    n.put("weight_units", "LBS");
    n.put("dimension_units", "Inches");
    n.put("dimension_decimal_places", 2);
    n.put("dimension_decimal_token", ".");
    n.put("dimension_thousands_token", ",");
    n.put("plan_name", "Standard");
    n.put("plan_level", "Standard");
    n.put("plan_is_trial", false);
    n.put("industry", "Simulation");
    n.putObject("logo");
    n.put("is_price_entered_with_tax", false);
    n.put("store_id", Long.parseLong(s.storeId()));
    n.put("default_site_id", 1000);
    n.put("default_channel_id", 1);
    ObjectNode features = n.putObject("features");
    features
        .put("stencil_enabled", true)
        .put("sitewidehttps_enabled", true)
        .put("facebook_catalog_id", "")
        .put("checkout_type", "optimized")
        .put("wishlists_enabled", false)
        .put("graphql_storefront_api_enabled", true)
        .put("shopper_consent_tracking_enabled", false)
        .put("multi_storefront_enabled", false);
    return ApiResponse.ok(n);
  }
}
