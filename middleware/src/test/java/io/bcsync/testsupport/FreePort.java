package io.bcsync.testsupport;

import java.io.IOException;
import java.net.ServerSocket;

/** A port to pin the embedded server to when its URL must be known before the context starts. */
public final class FreePort {
  private FreePort() {}

  public static int find() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
