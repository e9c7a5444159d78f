package io.bcsync.sim.bigcommerce;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls a simulated store and validates each answer against one of BigCommerce's OpenAPI specs
 * (bigcommerce-docs/reference/...). Mismatches are collected, not thrown, so one run lists them
 * all.
 */
final class SpecResponseChecker {
  private static final Pattern MATCHED = Pattern.compile("matched (\\d+) out of (\\d+)");
  private final Path specs;
  private final Http api;
  private final Map<String, OpenApiInteractionValidator> validators = new HashMap<>();
  private final List<String> failures = new ArrayList<>();

  SpecResponseChecker(Path specs, Http api) {
    this.specs = specs;
    this.api = api;
  }

  /** Responses that did not have the expected status or did not match their spec. */
  List<String> failures() {
    return failures;
  }

  /**
   * Sends the request and validates the response against {@code spec}; answers the response body
   * (an empty object when there is none or the status was unexpected).
   */
  JsonNode check(
      String spec, String method, String version, String path, Object body, int expectedStatus) {
    Http.Response r = api.send(method, version + path, body);
    if (r.status() != expectedStatus) {
      failures.add(
          method
              + " "
              + version
              + path
              + ": status "
              + r.status()
              + " expected "
              + expectedStatus
              + " body "
              + r.body());
      return Http.JSON.createObjectNode();
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(r.status());
    if (r.body() != null && !r.body().isEmpty()) {
      // The type the simulator sent (the inventory specs document problem+json for errors).
      String type =
          r.raw().headers().firstValue("Content-Type").orElse("application/json").split(";")[0];
      response.withContentType(type).withBody(r.body());
    }
    String specPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    ValidationReport report =
        validator(spec)
            .validateResponse(specPath, Request.Method.valueOf(method), response.build());
    report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .filter(m -> !specAmbiguity(m))
        .filter(m -> !knownSpecInconsistency(specPath, m))
        .filter(
            m -> !(r.status() >= 400 && m.getKey().equals("validation.response.body.unexpected")))
        .forEach(
            m ->
                failures.add(
                    method + " " + version + specPath + " [" + spec + "]: " + describe(m)));
    return r.body() == null || r.body().isEmpty() ? Http.JSON.createObjectNode() : r.json();
  }

  /**
   * Some spec schemas cannot tell their oneOf alternatives apart (e.g. order `consignments` is a
   * {url, resource} link or the consignment object, neither with required fields), so any value
   * matches all of them. Such "matched N out of N" failures are defects of the spec, not of the
   * simulator; every other failure is kept.
   */
  private static boolean specAmbiguity(ValidationReport.Message m) {
    Matcher matched = MATCHED.matcher(m.getMessage());
    if (m.getKey().endsWith(".oneOf") && matched.find()) {
      return matched.group(1).equals(matched.group(2));
    }
    return m.getKey().endsWith(".allOf")
        && !m.getNestedMessages().isEmpty()
        && m.getNestedMessages().stream().allMatch(SpecResponseChecker::specAmbiguity);
  }

  /**
   * orders.v3.yml types a refund item's requested_amount as a number in refund lists but as
   * string|null in GET /orders/payment_actions/refunds/{id}. The simulator answers a number in both
   * (one refund, one shape).
   */
  private static boolean knownSpecInconsistency(String path, ValidationReport.Message m) {
    return path.matches("/orders/payment_actions/refunds/\\d+")
        && m.getMessage().contains("requested_amount");
  }

  /**
   * The message plus the nested reasons of allOf/oneOf failures, which otherwise say only "matched
   * 0 of 2".
   */
  private static String describe(ValidationReport.Message m) {
    StringBuilder text = new StringBuilder(m.getKey() + " " + m.getMessage());
    m.getNestedMessages().forEach(n -> text.append(" {").append(describe(n)).append("}"));
    return text.toString();
  }

  private OpenApiInteractionValidator validator(String spec) {
    return validators.computeIfAbsent(
        spec,
        s ->
            OpenApiInteractionValidator.createForSpecificationUrl(
                    specs.resolve("bigcommerce-docs/reference/" + s).toUri().toString())
                .withBasePathOverride("/")
                // The specs never declare additionalProperties: false; the validator's strict
                // default would reject every allOf composition, so undeclared fields are
                // tolerated (BigCommerce adds fields over time too).
                .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
                .build());
  }
}
