package io.bcsync.sync.rules;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.port.Notice;
import io.bcsync.sync.port.Notifier;
import io.bcsync.sync.routing.Flow;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.WorkKind;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the notices of order rules ({@value RuleFirings#NOTICE_TYPE} work items, enqueued with the
 * firing that owes them): reads the stored notice, sends it through its channel's {@link Notifier}
 * port, and records it sent right after the channel accepted it. A notice already sent (an operator
 * replay, a retried item) ends SKIPPED without a send. A channel failure retries the item with the
 * queue's backoff, a permanent one dead-letters it with the channel's reason.
 *
 * <p>The one window left: a crash after the channel accepted the message and before {@link
 * NoticeRows#markSent} commits sends it again on the retry. Slack incoming webhooks have no
 * idempotency key; e-mails carry a Message-ID made from the notice key, so the resend is the same
 * message to mail systems that drop duplicates, and recognisably one to a reader.
 */
@Singleton
public class NoticeFlow implements Flow {
  private static final Logger LOG = LoggerFactory.getLogger(NoticeFlow.class);

  private final NoticeRows rows;
  private final Map<Notice.Channel, Notifier> notifiers = new EnumMap<>(Notice.Channel.class);
  private final Clock clock;

  public NoticeFlow(NoticeRows rows, List<Notifier> notifiers, Clock clock) {
    this.rows = rows;
    notifiers.forEach(n -> this.notifiers.put(n.channel(), n));
    this.clock = clock;
  }

  @Override
  public String name() {
    return "order-rule-notices";
  }

  @Override
  public boolean handles(WorkKind kind) {
    return kind.is(Origin.BIGCOMMERCE, RuleFirings.NOTICE_TYPE);
  }

  @Override
  public Map<Long, Outcome> run(List<WorkItem> items) {
    Map<Long, Outcome> outcomes = new HashMap<>();
    Map<String, List<WorkItem>> byStore =
        items.stream().collect(Collectors.groupingBy(i -> i.entity().storeHash()));
    byStore.forEach((store, storeItems) -> outcomes.putAll(send(store, storeItems)));
    return outcomes;
  }

  private Map<Long, Outcome> send(String storeHash, List<WorkItem> items) {
    Map<String, NoticeRows.Row> stored =
        rows.find(storeHash, items.stream().map(i -> i.entity().id()).toList());
    Map<Long, Outcome> outcomes = new HashMap<>();
    for (WorkItem item : items) {
      String key = item.entity().id();
      NoticeRows.Row row = stored.get(key);
      if (row == null) {
        // Enqueued only with its row, in one transaction: a missing row is a bug or a hand edit.
        outcomes.put(item.id(), Outcome.permanent("notice " + key + " is not recorded"));
      } else if (row.sentAtMs() != null) {
        outcomes.put(item.id(), Outcome.skipped("notice " + key + " was sent already"));
      } else {
        outcomes.put(item.id(), send(storeHash, row.notice()));
      }
    }
    return outcomes;
  }

  private Outcome send(String storeHash, Notice notice) {
    Notifier notifier = notifiers.get(notice.channel());
    if (notifier == null) {
      return Outcome.permanent("no " + notice.channel().key() + " notifier is configured");
    }
    Notifier.Delivery delivery = notifier.send(notice);
    if (delivery.sent()) {
      rows.markSent(storeHash, notice.key(), clock.millis());
      LOG.info("Store {}: notice {} sent", storeHash, notice.key());
      return Outcome.SUCCESS;
    }
    String error = notice.channel().key() + " notice " + notice.key() + ": " + delivery.error();
    return delivery.permanent() ? Outcome.permanent(error) : Outcome.retry(error);
  }
}
