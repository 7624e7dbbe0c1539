package org.globustimer.server.store;

/** A database failure, wrapped once so no checked SQLException crosses the store's surface. */
public final class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True when the database could not be reached (as opposed to a bad statement). */
  public boolean isUnavailable() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLNonTransientConnectionException
          || t instanceof java.net.ConnectException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }
}
