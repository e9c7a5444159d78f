package io.bcsync.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder in front of a database, to take the database away from a running service and give
 * it back: {@link #refuse()} closes the listening port (new connections are refused) and cuts every
 * open connection; {@link #restore()} listens on the same port again.
 */
public final class TcpProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final int port;
  private ServerSocket server;

  private TcpProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.server = listen(0);
    this.port = server.getLocalPort();
    acceptLoop(server);
  }

  public static TcpProxy to(String host, int port) throws IOException {
    return new TcpProxy(new InetSocketAddress(host, port));
  }

  public int port() {
    return port;
  }

  /** Refuses new connections and cuts the open ones, as a database that went away would. */
  public synchronized void refuse() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    sockets.clear();
  }

  /** Accepts connections again, on the same port. */
  public synchronized void restore() throws IOException {
    if (server == null) {
      server = listen(port);
      acceptLoop(server);
    }
  }

  @Override
  public void close() throws IOException {
    refuse();
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }

  private void acceptLoop(ServerSocket listening) {
    Thread acceptor =
        new Thread(
            () -> {
              while (!listening.isClosed()) {
                try {
                  Socket client = listening.accept();
                  Socket upstream = new Socket(target.getAddress(), target.getPort());
                  if (!register(listening, client, upstream)) {
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                  }
                  pump(client, upstream);
                  pump(upstream, client);
                } catch (IOException e) {
                  // Closed by refuse(), or the target is down: the client sees its connection end.
                }
              }
            },
            "tcp-proxy-accept-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Records an accepted pair unless {@link #refuse()} ran since {@code listening} accepted it: a
   * connection accepted just before the refusal would otherwise escape the cut and keep the
   * database reachable through the "refused" proxy (a CI run saw a webhook stored during the outage
   * that way).
   */
  private synchronized boolean register(ServerSocket listening, Socket client, Socket upstream) {
    if (server != listening) {
      return false;
    }
    sockets.add(client);
    sockets.add(upstream);
    return true;
  }

  private void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // One side closed: close both below.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
              }
            },
            "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }
}
