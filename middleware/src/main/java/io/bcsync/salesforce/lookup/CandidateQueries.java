package io.bcsync.salesforce.lookup;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.bcsync.salesforce.soap.Soql;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.MatchKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The SOQL that finds every Contact or unconverted Lead that could match a batch of keys, and the
 * converted Leads that carry a customer key. It may over-return (the matcher re-checks each
 * candidate) but must not miss:
 *
 * <ul>
 *   <li>External id and email use {@code IN}: SOQL compares text ignoring case except on unique
 *       case-sensitive fields, which {@code Email} and {@code BC_Customer_Id__c} are not. The email
 *       as the shopper typed it is sent too, so a Contact written from that very address is found
 *       even if a comparison were case-sensitive.
 *   <li>With plus-address folding, {@code Email LIKE 'jo%@x.com'}: SOQL cannot fold, so it asks for
 *       every tag.
 *   <li>Phones are stored as typed ({@code (512) 555-0123}, {@code +1 512.555.0123}), so an E.164
 *       key cannot be compared with {@code =}. The last 7 digits of the national significant number
 *       are asked for in order with a wildcard between each ({@code Phone LIKE '%5%5%5%0%1%2%3%'}):
 *       any separators, country code, trunk prefix or extension still match. Not the whole number,
 *       because some countries' national format inserts digits the E.164 form lacks (Argentina's
 *       mobile 15) or vice versa.
 *   <li>Name and postal code: both loose forms (no spaces, any case) as in-order patterns, so "SW1A
 *       1AA" and "sw1a1aa", "Van der Berg" and "Vanderberg" meet. The shopper types these, so the
 *       patterns are bounded: they start with the first character (never a leading wildcard: an
 *       index on the field can then narrow the scan), use at most {@link #NAME_CHARS} and {@link
 *       #POSTAL_CODE_CHARS} characters (a longer value ends in a wildcard: more candidates, which
 *       the matcher re-checks, instead of a pattern of hundreds of wildcards), and {@code %} and
 *       {@code _} typed by the shopper are escaped ({@link Soql#likePattern}).
 * </ul>
 *
 * Id and email clauses can use indexes; leading-wildcard LIKE clauses scan. They go into separate
 * statements so the common, selective lookup never waits behind a scan.
 */
final class CandidateQueries {
  static final int PHONE_DIGITS = 7;

  /** Characters of a last name that go into its LIKE pattern. */
  static final int NAME_CHARS = 20;

  /** Characters of a postal code that go into its LIKE pattern (the longest are 10: US ZIP+4). */
  static final int POSTAL_CODE_CHARS = 10;

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  /** The Contact's store, through its {@code BC_Store__c} lookup (Leads have none). */
  static final String STORE_PATH = "BC_Store__r.BC_Store_Hash__c";

  private final CandidateKind kind;
  private final boolean foldPlusAddresses;
  private final boolean contactStores;

  /**
   * @param contactStores the org has {@code Contact.BC_Store__c}: Contacts are read with their
   *     store, so matching can tell another store's guests from this store's
   */
  CandidateQueries(CandidateKind kind, boolean foldPlusAddresses, boolean contactStores) {
    this.kind = kind;
    this.foldPlusAddresses = foldPlusAddresses;
    this.contactStores = contactStores;
  }

  CandidateQueries(CandidateKind kind, boolean foldPlusAddresses) {
    this(kind, foldPlusAddresses, false);
  }

  String select() {
    return kind == CandidateKind.CONTACT
        ? "SELECT Id, BC_Customer_Id__c, Email, Phone, FirstName, LastName, MailingPostalCode"
            + (contactStores ? ", " + STORE_PATH : "")
            + " FROM Contact"
        : "SELECT Id, BC_Customer_Id__c, Email, Phone, FirstName, LastName, PostalCode, IsConverted,"
            + " ConvertedContactId FROM Lead";
  }

  boolean readsStore() {
    return kind == CandidateKind.CONTACT && contactStores;
  }

  String postalCodeField() {
    return kind == CandidateKind.CONTACT ? "MailingPostalCode" : "PostalCode";
  }

  /**
   * Full statements for the keys (and the raw emails the shoppers typed), each under the length
   * budget.
   */
  List<String> statements(Collection<MatchKey> keys, Collection<String> typedEmails, int budget) {
    OrClauses indexed = new OrClauses(budget);
    OrClauses scanned = new OrClauses(budget);
    for (MatchKey key : keys) {
      if (key instanceof MatchKey.ExternalId id) {
        indexed.in("BC_Customer_Id__c", Soql.literal(id.value()));
      } else if (key instanceof MatchKey.Email email) {
        addEmail(indexed, email.normalised());
      } else if (key instanceof MatchKey.Phone phone) {
        scanned.clause("Phone LIKE " + phonePattern(phone.e164()));
      } else if (key instanceof MatchKey.NameAndPostalCode name) {
        scanned.clause(
            "(LastName LIKE "
                + inOrder(name.lastName(), NAME_CHARS)
                + " AND "
                + postalCodeField()
                + " LIKE "
                + inOrder(name.postalCode(), POSTAL_CODE_CHARS)
                + ")");
      }
    }
    if (!foldPlusAddresses) {
      typedEmails.forEach(typed -> indexed.in("Email", Soql.literal(typed)));
    }
    // Converted Leads are no candidates, except those keyed to a BigCommerce customer: their
    // conversion's Contact is that customer's (see SoqlCandidateSource.convertedLeadsContact).
    String where =
        kind == CandidateKind.LEAD
            ? " WHERE (IsConverted = false OR BC_Customer_Id__c != null) AND "
            : " WHERE ";
    List<String> statements = new ArrayList<>();
    for (OrClauses group : List.of(indexed, scanned)) {
      group.chunks().forEach(chunk -> statements.add(select() + where + chunk));
    }
    return statements;
  }

  private void addEmail(OrClauses indexed, String normalised) {
    int at = normalised.lastIndexOf('@');
    if (foldPlusAddresses && at > 0) {
      indexed.clause(
          "Email LIKE "
              + Soql.likePattern(List.of(normalised.substring(0, at), normalised.substring(at))));
    } else {
      indexed.in("Email", Soql.literal(normalised));
    }
  }

  /** {@code '%d%d%...%d%'} over the last digits of the national number. */
  static String phonePattern(String e164) {
    try {
      String national = PHONES.getNationalSignificantNumber(PHONES.parse(e164, "ZZ"));
      if (national.isEmpty()) {
        throw new IllegalArgumentException("phone key without a national number");
      }
      String last = national.substring(Math.max(0, national.length() - PHONE_DIGITS));
      List<String> parts = new ArrayList<>();
      parts.add("");
      last.chars().forEach(c -> parts.add(String.valueOf((char) c)));
      parts.add("");
      return Soql.likePattern(parts);
    } catch (NumberParseException notE164) {
      // Keys come from PhoneNormaliser; anything else is a bug, and skipping it would silently miss
      // records.
      throw new IllegalArgumentException("phone key is not in E.164 form", notE164);
    }
  }

  /**
   * The first {@code max} characters in order with anything (spaces, hyphens) allowed between them,
   * starting with the first (no leading wildcard); a trailing wildcard when the value was longer.
   */
  static String inOrder(String loose, int max) {
    List<String> parts = new ArrayList<>();
    int[] codePoints = loose.toLowerCase(Locale.ROOT).codePoints().toArray();
    if (codePoints.length == 0) {
      throw new IllegalArgumentException("an in-order pattern needs at least one character");
    }
    for (int i = 0; i < Math.min(max, codePoints.length); i++) {
      parts.add(new String(Character.toChars(codePoints[i])));
    }
    if (codePoints.length > max) {
      parts.add("");
    }
    return Soql.likePattern(parts);
  }
}
