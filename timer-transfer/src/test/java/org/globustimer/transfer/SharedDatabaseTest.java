package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.globustimer.transfer.db.SqliteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDatabaseTest {

  @TempDir Path tmp;

  @Test
  void migratesBesideAnotherModulesTablesAndAgainOnRestart() throws Exception {
    try (HikariDataSource ds = SqliteFiles.open(tmp.resolve("shared.db"))) {
      migrateTwice(ds);
    }
  }

  private void migrateTwice(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection()) {
      c.createStatement().execute("create table timers (id varchar(36) primary key)");
    }
    Path home = Files.createDirectories(tmp.resolve("home"));
    TransferSettings settings = new TransferSettings(home, List.of(), 2, null);
    try (TransferModule first = new TransferModule(settings, ds, Clock.systemUTC())) {
      first.registerLocalEndpoints("carol");
    }
    try (TransferModule again = new TransferModule(settings, ds, Clock.systemUTC())) {
      again.registerLocalEndpoints("carol");
    }
    try (Connection c = ds.getConnection()) {
      var rs =
          c.createStatement()
              .executeQuery("select count(*) from transfer_endpoints where owner = 'carol'");
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(3);
      assertThat(c.createStatement().executeQuery("select * from timers").next()).isFalse();
    }
    assertThat(settings.allowedLocalRoots()).containsExactly(home);
  }
}
