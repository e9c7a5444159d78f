package io.bcsync.pipeline;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;

/** The unit items gather in: one tenant's (store's or org's) items of one entity type. */
record GatherGroup(String storeHash, String type) {

  /** The claim's condition leaving out {@code groups}' items; empty when there are none. */
  static String leftOut(Set<GatherGroup> groups) {
    if (groups.isEmpty()) {
      return "";
    }
    return " AND NOT ("
        + String.join(
            " OR ", Collections.nCopies(groups.size(), "(store_hash = ? AND entity_type = ?)"))
        + ")";
  }

  /** Binds {@link #leftOut}'s values from parameter {@code first}; returns the next index. */
  static int bind(PreparedStatement statement, int first, Set<GatherGroup> groups)
      throws SQLException {
    int index = first;
    for (GatherGroup group : groups) {
      statement.setString(index++, group.storeHash());
      statement.setString(index++, group.type());
    }
    return index;
  }
}
