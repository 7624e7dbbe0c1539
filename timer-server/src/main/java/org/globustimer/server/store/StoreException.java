package org.globustimer.server.store;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.globustimer.core.error.ServiceException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A database failure, wrapped once so no checked SQLException crosses the store's surface. */
public final class StoreException extends ServiceException {

  /**
   * States meaning "not reachable now" besides connection failures (class 08): the server is
   * shutting down or starting up (57P01-57P03), has no connection slot left (53300), or cancelled a
   * statement that overran its timeout (57014).
   */
  private static final Set<String> UNAVAILABLE_STATES =
      Set.of("57P01", "57P02", "57P03", "53300", "57014");

  public StoreException(String message, Throwable cause) {
    super(500, "INTERNAL_ERROR", message, cause);
  }

  /** 503 while the database cannot be reached (clients retry), else 500. */
  @Override
  public int status() {
    return isUnavailable() ? 503 : 500;
  }

  @Override
  public String code() {
    return isUnavailable() ? "SERVICE_UNAVAILABLE" : "INTERNAL_ERROR";
  }

  /** What a client is told; the statement that failed stays in the log. */
  @Override
  public String detail() {
    return isUnavailable() ? unavailableReason() : "the service failed to use its database";
  }

  /** SQLite's answers when the disk under it is full or failing to take writes. */
  private static final Set<SQLiteErrorCode> DISK_FULL =
      Set.of(
          SQLiteErrorCode.SQLITE_FULL,
          SQLiteErrorCode.SQLITE_IOERR_WRITE,
          SQLiteErrorCode.SQLITE_IOERR_FSYNC,
          SQLiteErrorCode.SQLITE_IOERR_SHORT_READ);

  /** True when the disk holding the database has no room for the change. */
  public boolean isDiskFull() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite && DISK_FULL.contains(sqlite.getResultCode())) {
        return true;
      }
    }
    return false;
  }

  /** What a client is told when {@link #isUnavailable()}: why, and what brings it back. */
  public String unavailableReason() {
    if (isDiskFull()) {
      return "the disk holding the timer database is full, so the change was not made; the"
          + " service takes changes again as soon as space is freed there";
    }
    return "the timer database is unavailable; try again shortly";
  }

  /** True when the database could not be reached (as opposed to a bad statement). */
  public boolean isUnavailable() {
    if (isDiskFull()) {
      return true;
    }
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite
          && sqlite.getResultCode().name().startsWith("SQLITE_BUSY")) {
        return true;
      }
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
          return true;
        }
      }
    }
    return false;
  }
}
