package org.globustimer.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Writes H2's committed changes to its file now instead of at its next background write, shared
 * among callers: whoever asks while a write is under way waits for the next one, which then covers
 * every commit made before it started. Concurrent API writes so cost one file write, not one each.
 *
 * <p>SQL's {@code CHECKPOINT} would write too but also compacts the file, which races with queries
 * running at the same time; committing the store itself is what the background writer does.
 */
final class H2WriteOut {

  private final DataSource dataSource;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();
  private long asked;
  private long done;
  private boolean writing;
  private volatile MVStore store;

  H2WriteOut(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Returns once a write that started after this call has finished. */
  void afterCommit() {
    long mine;
    long covers;
    lock.lock();
    try {
      mine = ++asked;
      while (true) {
        if (done >= mine) {
          return;
        }
        if (!writing) {
          writing = true;
          covers = asked;
          break;
        }
        written.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
    boolean ok = false;
    try {
      writeNow();
      ok = true;
    } finally {
      lock.lock();
      try {
        writing = false;
        if (ok) {
          done = Math.max(done, covers);
        }
        written.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private void writeNow() {
    try {
      mvStore().commit();
    } catch (RuntimeException e) {
      throw new StoreException("could not write the change to disk", e);
    }
  }

  /**
   * The database's store, found once: later write-outs need no pooled connection, so they cannot
   * wait behind a busy pool.
   */
  private MVStore mvStore() {
    MVStore known = store;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        known = session.getDatabase().getStore().getMvStore();
        store = known;
      } catch (SQLException e) {
        throw new StoreException("could not reach the database to write the change to disk", e);
      }
    }
    return known;
  }
}
