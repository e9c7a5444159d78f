package io.bcsync.salesforce.streaming;

/** Reaches package-private seams of the subscriber from tests in other packages. */
public final class StreamingTestAccess {
  private StreamingTestAccess() {}

  /** The leader dies: no unsubscribe courtesy, no lease release. */
  public static void crash(StreamingSupervisor supervisor) {
    supervisor.abandon();
  }

  public static String bearer(StreamingClient client) {
    return client.bearerToken();
  }
}
