package io.bcsync.sim.bigcommerce.http;

/** Which API surface a request hit; decides error shapes and date/money formats. */
public enum ApiVersion {
  V2,
  V3,
  B2B,
  CONTROL
}
