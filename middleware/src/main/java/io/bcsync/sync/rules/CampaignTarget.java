package io.bcsync.sync.rules;

/**
 * Which Campaign an enrolment goes to.
 *
 * @param value the Campaign id ({@link Kind#ID}), its Name ({@link Kind#NAME}) or the key after the
 *     store prefix ({@link Kind#KEY}: {@code BC_Source_Key__c} = {@code {store}:campaign:{value}});
 *     unused for {@link Kind#COUPON}
 * @param name the Name given to a Campaign created when missing (KEY; COUPON uses the code)
 * @param createMissing create the Campaign (by its source key, an idempotent upsert) when no
 *     Campaign has the key; only for KEY and COUPON, since a Name is not unique
 */
public record CampaignTarget(Kind kind, String value, String name, boolean createMissing) {
  public enum Kind {
    ID,
    NAME,
    /** A fixed source key named in the rule. */
    KEY,
    /** One Campaign per coupon code on the order, keyed {@code {store}:coupon:{code}}. */
    COUPON
  }

  public boolean bySourceKey() {
    return kind == Kind.KEY || kind == Kind.COUPON;
  }

  public static String fixedKey(String storeHash, String value) {
    return storeHash + ":campaign:" + value.toLowerCase(java.util.Locale.ROOT);
  }
}
