package org.globustimer.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, the embedded default, plus what only a local file can show. */
class SqliteStoreTest extends StoreContract {

  @TempDir Path dir;

  @Override
  TimerStore openEmptyStore() {
    return TimerStore.open("jdbc:sqlite:" + dir.resolve("db/timers.db"), "", "", 8);
  }

  @Test
  void writesAreCommittedOnTheWriterThreadThatAlsoRestartsTheLog() {
    String committedOn = store.writer().run(tx -> Thread.currentThread().getName());
    assertThat(committedOn).startsWith("timer-writer-");
  }

  @Test
  void theFileIsAnSqliteDatabaseInWalModeWithSyncedCommits() throws Exception {
    store.inDurableTransaction(
        tx -> {
          tx.insertTimer(timer(T0));
          return null;
        });
    Path file = dir.resolve("db/timers.db");
    assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
        .startsWith("SQLite format 3\0");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(c, "integrity_check")).isEqualTo("ok");
    }
    try (Connection c = store.dataSource().getConnection()) {
      assertThat(pragma(c, "synchronous")).isEqualTo("2");
      assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
      assertThat(Integer.parseInt(pragma(c, "busy_timeout"))).isPositive();
    }
  }

  @Test
  void readersCannotWrite() {
    assertThatThrownBy(
            () ->
                store.read(
                    tx -> {
                      tx.insertTimer(timer(T0));
                      return null;
                    }))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void networkFileSystemsAreRecognised() {
    assertThat(SqliteFile.isNetworkFileSystem("nfs4")).isTrue();
    assertThat(SqliteFile.isNetworkFileSystem("cifs")).isTrue();
    assertThat(SqliteFile.isNetworkFileSystem("fuse.sshfs")).isTrue();
    assertThat(SqliteFile.isNetworkFileSystem("ext4")).isFalse();
    assertThat(SqliteFile.isNetworkFileSystem("tmpfs")).isFalse();
  }

  private static String pragma(Connection c, String name) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
