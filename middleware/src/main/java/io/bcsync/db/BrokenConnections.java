package io.bcsync.db;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool which failures mean the connection itself is dead, beyond the SQLSTATE
 * class 08 it already recognises: H2 over TCP reports a cut connection as "connection is broken"
 * (90067) or "database is already closed" (90121). Without this the pool would keep handing out a
 * dead connection for as long as it is used often enough to skip its idle check, and intake and
 * workers would keep failing after the database is back. Named in application.yml ({@code
 * exception-override-class-name}).
 */
public class BrokenConnections implements SQLExceptionOverride {
  private static final int H2_CONNECTION_BROKEN = 90067;
  private static final int H2_DATABASE_CLOSED = 90121;

  @java.lang.Override
  public Override adjudicate(SQLException e) {
    int code = e.getErrorCode();
    return code == H2_CONNECTION_BROKEN || code == H2_DATABASE_CLOSED
        ? Override.MUST_EVICT
        : Override.CONTINUE_EVICT;
  }
}
