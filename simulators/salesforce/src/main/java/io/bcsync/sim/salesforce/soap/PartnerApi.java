package io.bcsync.sim.salesforce.soap;

import io.bcsync.sim.salesforce.SimulatedOrg;
import io.bcsync.sim.salesforce.auth.Session;
import io.bcsync.sim.salesforce.auth.SimUser;
import io.bcsync.sim.salesforce.control.FaultInjector;
import io.bcsync.sim.salesforce.data.CallContext;
import io.bcsync.sim.salesforce.data.RecordInput;
import io.bcsync.sim.salesforce.fault.ApiFault;
import io.bcsync.sim.salesforce.ids.SalesforceIds;
import io.bcsync.sim.salesforce.schema.SObjectType;
import io.bcsync.sim.salesforce.soql.QueryResultPage;
import io.bcsync.sim.salesforce.soql.ResultRecord;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partner API operations: authenticates, applies faults and limits, runs the call, renders the
 * response body.
 */
final class PartnerApi {
  static final int MAX_RETRIEVE_IDS = 2000;

  private final SimulatedOrg org;

  PartnerApi(SimulatedOrg org) {
    this.org = org;
  }

  /** Injected HTTP-level failure, raised before any SOAP processing. */
  static final class HttpFailure extends RuntimeException {
    HttpFailure() {
      super(null, null, false, false);
    }
  }

  /** The call was carried out and committed; its response is to be lost after {@code hold}. */
  static final class LostResponse extends RuntimeException {
    final java.time.Duration hold;

    LostResponse(java.time.Duration hold) {
      super(null, null, false, false);
      this.hold = hold;
    }
  }

  /** Runs the call; throws {@link LostResponse} after it when its response is to be lost. */
  String handle(SoapRequest request, String apiVersion) {
    String body = answer(request, apiVersion);
    if (!request.operation().equals("login")) {
      Optional<java.time.Duration> lost =
          org.faults().takeLostResponse(request.operation(), targetObject(request));
      if (lost.isPresent()) {
        throw new LostResponse(lost.get());
      }
    }
    return body;
  }

  private String answer(SoapRequest request, String apiVersion) {
    if (request.operation().equals("login")) {
      org.usage().record("login", null);
      return login(request);
    }
    Session session = org.sessions().use(request.sessionId()).orElseThrow(ApiFault::invalidSession);
    String sobject = targetObject(request);
    org.usage().record(request.operation(), sobject);
    Optional<String> injected = org.faults().check(request.operation(), sobject);
    if (injected.isPresent()) {
      if (injected.get().equals(FaultInjector.HTTP_503)) {
        throw new HttpFailure();
      }
      throw FaultInjector.toFault(injected.get());
    }
    if (!org.usage().consumeRequest()) {
      throw ApiFault.unexpected("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }
    CallContext context =
        CallContext.soap(session.userId(), apiVersion, request.clientId(), request.allOrNone());
    return switch (request.operation()) {
      case "create" ->
          PartnerXml.saveResults("create", org.dml().create(records(request), context), false);
      case "update" ->
          PartnerXml.saveResults("update", org.dml().update(records(request), context), false);
      case "upsert" ->
          PartnerXml.saveResults(
              "upsert",
              org.dml().upsert(request.text("externalIDFieldName"), records(request), context),
              true);
      case "delete" ->
          PartnerXml.saveResults("delete", org.dml().delete(request.texts("ids"), context), false);
      case "undelete" ->
          PartnerXml.saveResults(
              "undelete", org.dml().undelete(request.texts("ids"), context), false);
      case "convertLead" ->
          PartnerXml.convertLeadResults(org.dml().convertLead(leadConverts(request), context));
      case "retrieve" -> retrieve(request);
      case "queryAll" ->
          PartnerXml.queryResult(
              "queryAll",
              org.cursors()
                  .firstPage(
                      org.queries().run(request.text("queryString"), true), batchSize(request)));
      case "describeGlobal" -> DescribeXml.describeGlobal(org.schema().types());
      case "query" -> query(request);
      case "queryMore" ->
          PartnerXml.queryResult(
              "queryMore", org.cursors().next(request.text("queryLocator"), batchSize(request)));
      case "describeSObject" ->
          DescribeXml.describe(
              org.schema(), "describeSObject", List.of(type(request.text("sObjectType"))));
      case "describeSObjects" ->
          DescribeXml.describe(
              org.schema(),
              "describeSObjects",
              request.texts("sObjectType").stream().map(this::type).toList());
      case "getUserInfo" ->
          "<getUserInfoResponse><result>"
              + userInfo(user(session))
              + "</result></getUserInfoResponse>";
      case "getServerTimestamp" ->
          new Xml()
              .open("getServerTimestampResponse")
              .open("result")
              .element("timestamp", DateTimeFormatter.ISO_INSTANT.format(org.clock().instant()))
              .close("result")
              .close("getServerTimestampResponse")
              .toString();
      case "logout" -> {
        org.sessions().revoke(session.token());
        yield "<logoutResponse/>";
      }
      default ->
          throw ApiFault.unexpected(
              "INVALID_OPERATION",
              "No operation available for request {"
                  + SoapRequest.PARTNER_NS
                  + "}"
                  + request.operation());
    };
  }

  private String login(SoapRequest request) {
    Optional<SimUser> user =
        org.users()
            .byUsername(request.text("username"))
            .filter(u -> u.acceptsSoapPassword(request.text("password")));
    if (user.isEmpty()) {
      throw ApiFault.of(
          ApiFault.Type.LOGIN,
          "INVALID_LOGIN",
          "Invalid username, password, security token; or user locked out.");
    }
    Session session = org.sessions().open(user.get().id(), null);
    String base = org.baseUrl().get();
    String version = org.settings().apiVersion();
    return new Xml()
        .open("loginResponse")
        .open("result")
        .element(
            "metadataServerUrl",
            base + "/services/Soap/m/" + version + "/" + org.settings().orgId())
        .element("passwordExpired", false)
        .element("sandbox", org.settings().sandbox())
        .element("serverUrl", base + "/services/Soap/u/" + version + "/" + org.settings().orgId())
        .element("sessionId", session.token())
        .element("userId", user.get().id())
        .raw("<userInfo>" + userInfo(user.get()) + "</userInfo>")
        .close("result")
        .close("loginResponse")
        .toString();
  }

  private String userInfo(SimUser user) {
    return new Xml()
        .element("accessibilityMode", false)
        .element("chatterExternal", false)
        .element("currencySymbol", "$")
        .element("orgAttachmentFileSizeLimit", 5242880)
        .element("orgDefaultCurrencyIsoCode", "USD")
        .element("orgDefaultCurrencyLocale", "en_US")
        .element("orgDisallowHtmlAttachments", false)
        .element("orgHasPersonAccounts", false)
        .element("organizationId", org.settings().orgId())
        .element("organizationMultiCurrency", false)
        .element("organizationName", org.settings().orgName())
        .element("profileId", "00e8c0000000001AAA")
        .element("roleId", null)
        .element("sessionSecondsValid", org.sessions().timeout().toSeconds())
        .element("userDefaultCurrencyIsoCode", null)
        .element("userEmail", user.email())
        .element("userFullName", user.fullName())
        .element("userId", user.id())
        .element("userLanguage", "en_US")
        .element("userLocale", "en_US")
        .element("userName", user.username())
        .element("userTimeZone", "America/Los_Angeles")
        .element("userType", "Standard")
        .element("userUiSkin", "Theme3")
        .toString();
  }

  private SimUser user(Session session) {
    return org.users().byId(session.userId()).orElseThrow(ApiFault::invalidSession);
  }

  private String query(SoapRequest request) {
    QueryResultPage page =
        org.cursors().firstPage(org.queries().run(request.text("queryString")), batchSize(request));
    return PartnerXml.queryResult("query", page);
  }

  private static int batchSize(SoapRequest request) {
    return io.bcsync.sim.salesforce.soql.QueryCursors.batchSize(request.batchSize());
  }

  /**
   * retrieve is a query by ids; unknown or deleted ids come back as nil entries in request order.
   */
  private String retrieve(SoapRequest request) {
    SObjectType type = type(request.text("sObjectType"));
    List<String> ids = request.texts("ids");
    if (ids.size() > MAX_RETRIEVE_IDS) {
      throw ApiFault.unexpected(
          "EXCEEDED_ID_LIMIT", "more than " + MAX_RETRIEVE_IDS + " ids in retrieve");
    }
    List<String> normalized =
        ids.stream().map(id -> SalesforceIds.normalize(id).orElse(null)).toList();
    List<String> known = normalized.stream().filter(java.util.Objects::nonNull).distinct().toList();
    Map<String, ResultRecord> byId = new LinkedHashMap<>();
    if (!known.isEmpty()) {
      String fieldList = request.text("fieldList");
      String soql =
          "SELECT Id, "
              + fieldList
              + " FROM "
              + type.name()
              + " WHERE Id IN ('"
              + String.join("','", known)
              + "')";
      org.queries()
          .run(soql)
          .records()
          .forEach(r -> byId.put(r.id(), withoutLeadingId(r, fieldList)));
    }
    List<ResultRecord> ordered = new ArrayList<>();
    normalized.forEach(id -> ordered.add(id == null ? null : byId.get(id)));
    return PartnerXml.retrieveResult(ordered);
  }

  /** Drops the Id column added for matching unless the caller asked for it. */
  private static ResultRecord withoutLeadingId(ResultRecord record, String fieldList) {
    boolean asked =
        java.util.Arrays.stream(fieldList.split(","))
            .anyMatch(f -> f.trim().equalsIgnoreCase("Id"));
    return asked
        ? record
        : new ResultRecord(
            record.type(), record.id(), record.columns().subList(1, record.columns().size()));
  }

  private SObjectType type(String name) {
    return org.schema().type(name).orElseThrow(() -> ApiFault.unknownType(String.valueOf(name)));
  }

  private static List<io.bcsync.sim.salesforce.data.LeadConvertRequest> leadConverts(
      SoapRequest request) {
    return SoapRequest.children(request.body(), "leadConverts").stream()
        .map(
            e -> {
              java.util.function.Function<String, String> text =
                  name ->
                      SoapRequest.childText(e, name)
                          .map(String::trim)
                          .filter(v -> !v.isEmpty())
                          .orElse(null);
              return new io.bcsync.sim.salesforce.data.LeadConvertRequest(
                  text.apply("leadId"),
                  text.apply("convertedStatus"),
                  text.apply("accountId"),
                  text.apply("contactId"),
                  "true".equals(text.apply("doNotCreateOpportunity")),
                  text.apply("opportunityName"),
                  "true".equals(text.apply("overwriteLeadSource")),
                  text.apply("ownerId"));
            })
        .toList();
  }

  private static List<RecordInput> records(SoapRequest request) {
    return SObjectXmlReader.readAll(request.body());
  }

  /** Object named by the call, for per-object counters and faults. */
  private String targetObject(SoapRequest request) {
    return switch (request.operation()) {
      case "create", "update", "upsert" ->
          SoapRequest.children(request.body(), "sObjects").stream()
              .findFirst()
              .flatMap(s -> SoapRequest.childText(s, "type"))
              .map(this::canonicalName)
              .orElse(null);
      case "retrieve", "describeSObject" -> canonicalName(request.text("sObjectType"));
      case "convertLead" -> "Lead";
      case "delete", "undelete" ->
          request.texts("ids").stream()
              .findFirst()
              .flatMap(id -> org.schema().typeForId(id))
              .map(SObjectType::name)
              .orElse(null);
      case "query", "queryAll" -> queriedObject(request.text("queryString"));
      default -> null;
    };
  }

  private String canonicalName(String name) {
    return name == null
        ? null
        : org.schema().type(name.trim()).map(SObjectType::name).orElse(name.trim());
  }

  private String queriedObject(String soql) {
    if (soql == null) {
      return null;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)\\bfrom\\s+(\\w+)").matcher(soql);
    return m.find() ? canonicalName(m.group(1)) : null;
  }
}
