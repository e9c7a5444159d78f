package io.bcsync.salesforce.writer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salesforce's error texts with the record values they echo taken out. Several codes quote what was
 * sent: {@code STRING_TOO_LONG} ("Email: data value too large: jo@... (max length=80)"), {@code
 * INVALID_EMAIL_ADDRESS}, restricted picklists, malformed ids, and {@code DUPLICATE_VALUE}
 * ("Duplicate external id specified: jo@example.com" where an org keys on e-mail). Those texts end
 * up in logs, dead-letter rows and the admin API, so customers' e-mails, names and phone numbers
 * would too. What stays is what an operator needs: the status code, the field names (kept in {@code
 * RecordError.fields} as Salesforce sent them), record ids and Salesforce's own wording.
 */
public final class SalesforceMessages {
  /** Longer texts are cut: a message is a hint for a person, and a long one is mostly echo. */
  static final int MAX_LENGTH = 300;

  static final String VALUE = "<value>";
  static final String EMAIL = "<e-mail>";

  /**
   * Phrases after which Salesforce quotes the value that was sent; the value runs to the end, or to
   * the {@code (max length=N)} that follows it.
   */
  private static final Pattern ECHOED =
      Pattern.compile(
          "(?i)(data value too large: |invalid email address: |bad value for restricted picklist"
              + " field: |id value of incorrect type: |value not of required type: |invalid"
              + " number: |duplicate external id specified: |invalid date: |invalid"
              + " decimal: |invalid boolean: |invalid integer: )(.*?)(\\s*\\(max length=\\d+\\))?$",
          Pattern.DOTALL);

  private static final Pattern EMAILS =
      Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

  /**
   * Quoted values ('...' or "..."), which validation and trigger messages and echoed SOQL carry; a
   * quoted API name ({@code 'BC_Store__c'}, {@code 'Contact'}) is kept, since "No such column 'X'
   * on entity 'Y'" is what tells an operator which field is missing.
   */
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

  private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");

  private SalesforceMessages() {}

  public static String redact(String message) {
    if (message == null) {
      return null;
    }
    String text = message;
    Matcher echoed = ECHOED.matcher(text);
    if (echoed.find()) {
      text =
          text.substring(0, echoed.start(2))
              + VALUE
              + (echoed.group(3) == null ? "" : echoed.group(3));
    }
    text =
        QUOTED
            .matcher(text)
            .replaceAll(
                quoted -> {
                  String inner = quoted.group().substring(1, quoted.group().length() - 1);
                  return API_NAME.matcher(inner).matches()
                      ? Matcher.quoteReplacement(quoted.group())
                      : VALUE;
                });
    // After the quoted values: the address pattern allows an apostrophe, and would eat the quote
    // before a quoted address and leave the rest of it unredacted.
    text = EMAILS.matcher(text).replaceAll(EMAIL);
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
  }
}
