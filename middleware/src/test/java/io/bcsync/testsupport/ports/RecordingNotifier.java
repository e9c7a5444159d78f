package io.bcsync.testsupport.ports;

import io.bcsync.sync.port.Notice;
import io.bcsync.sync.port.Notifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An in-process {@link Notifier}: keeps what it sent and answers scripted failures first. */
public final class RecordingNotifier implements Notifier {
  private final Notice.Channel channel;
  private final List<Notice> sent = new ArrayList<>();
  private final Deque<Delivery> script = new ArrayDeque<>();

  public RecordingNotifier(Notice.Channel channel) {
    this.channel = channel;
  }

  /** The next send answers {@code delivery} instead of sending. */
  public synchronized RecordingNotifier thenAnswer(Delivery delivery) {
    script.add(delivery);
    return this;
  }

  public synchronized List<Notice> sent() {
    return List.copyOf(sent);
  }

  @Override
  public Notice.Channel channel() {
    return channel;
  }

  @Override
  public synchronized Delivery send(Notice notice) {
    if (!script.isEmpty()) {
      return script.poll();
    }
    sent.add(notice);
    return Delivery.SENT;
  }
}
