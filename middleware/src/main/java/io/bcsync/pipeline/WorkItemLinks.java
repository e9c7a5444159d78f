package io.bcsync.pipeline;

import java.util.regex.Pattern;

/**
 * Another table's rows that point at work items, such as a backfill's {@code backfill_item} ({@code
 * backfill_id}, {@code work_item_id}): lets {@link QueueInspector#statusCounts} count how the
 * linked items are doing in one grouped join, run where the queue's SQL lives. The names come from
 * code, never from a request; they are checked anyway, since they become part of the SQL.
 *
 * @param table the linking table
 * @param ownerColumn its column naming the owner (a backfill id)
 * @param workItemColumn its column holding {@code work_item.id}
 */
public record WorkItemLinks(String table, String ownerColumn, String workItemColumn) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public WorkItemLinks {
    for (String name : new String[] {table, ownerColumn, workItemColumn}) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("not a plain SQL name: " + name);
      }
    }
  }
}
