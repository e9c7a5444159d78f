package io.bcsync.sync.rules;

/**
 * Which Campaign an enrolment goes to.
 *
 * @param value the Campaign id ({@link Kind#ID}), its Name ({@link Kind#NAME}) or the key after the
 *     store prefix ({@link Kind#KEY}: {@code BC_Source_Key__c} = {@code {store}:campaign:{value}});
 *     unused for {@link Kind#COUPON} and {@link Kind#UTM}
 * @param name the Name given to a Campaign created when missing (KEY; COUPON and UTM use the code
 *     or source)
 * @param createMissing create the Campaign (by its source key, an idempotent upsert) when no
 *     Campaign has the key; only for KEY, COUPON and UTM, since a Name is not unique
 */
public record CampaignTarget(Kind kind, String value, String name, boolean createMissing) {
  public enum Kind {
    ID,
    NAME,
    /** A fixed source key named in the rule. */
    KEY,
    /** One Campaign per coupon code on the order, keyed {@code {store}:coupon:{code}}. */
    COUPON,
    /**
     * The Campaign of the order's UTM source, keyed {@code {store}:utm:{source}}: the key the daily
     * revenue summary links its rows to.
     */
    UTM
  }

  public boolean bySourceKey() {
    return kind == Kind.KEY || kind == Kind.COUPON || kind == Kind.UTM;
  }

  public static String fixedKey(String storeHash, String value) {
    return storeHash + ":campaign:" + value.toLowerCase(java.util.Locale.ROOT);
  }
}
