package io.bcsync.sync.rules;

/**
 * Which notice channels a store has configured, for the startup check of its rules: an enabled rule
 * with {@code notify_slack} or {@code notify_email} on a store without the channel stops the
 * service with the rule's file and line, rather than dead-lettering every notice later.
 *
 * @param slackMissing null when the store has its Slack webhook URL, else what to set
 * @param emailMissing null when SMTP is configured, else what to set
 */
public record NoticeChannels(String slackMissing, String emailMissing) {
  /** Checks nothing: for loading a mapping outside a running service (tools, tests). */
  public static final NoticeChannels UNCHECKED = new NoticeChannels(null, null);
}
