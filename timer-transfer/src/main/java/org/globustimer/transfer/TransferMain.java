package org.globustimer.transfer;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import org.globustimer.transfer.db.SqliteFiles;

/**
 * Runs the transfer provider on its own: an SQLite database under {@code
 * GLOBUS_TIMER_TRANSFER_HOME}, HTTP on {@code GLOBUS_TIMER_TRANSFER_PORT} (default 8471) on
 * 127.0.0.1, and one bearer token from {@code GLOBUS_TIMER_TRANSFER_TOKEN} whose holder is the
 * owner "local".
 */
public final class TransferMain {

  private static final String OWNER = "local";

  private TransferMain() {}

  public static void main(String[] args) {
    String token = System.getenv("GLOBUS_TIMER_TRANSFER_TOKEN");
    if (token == null || token.isBlank()) {
      throw new IllegalStateException(
          "set GLOBUS_TIMER_TRANSFER_TOKEN to the bearer token to accept");
    }
    Path userHome = Path.of(System.getProperty("user.home"));
    Path home =
        Path.of(
            env(
                "GLOBUS_TIMER_TRANSFER_HOME",
                userHome.resolve(".local/share/globus-timer-transfer").toString()));
    int port = Integer.parseInt(env("GLOBUS_TIMER_TRANSFER_PORT", "8471"));

    HikariDataSource db = SqliteFiles.open(home.resolve("db/transfer.db"));
    TransferModule module =
        new TransferModule(TransferSettings.forHome(userHome), db, Clock.systemUTC());
    module.registerLocalEndpoints(OWNER);

    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    Javalin app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
    app.before(
        ctx -> {
          String given = ctx.header("Authorization");
          boolean ok =
              given != null
                  && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
          ctx.attribute("owner", ok ? OWNER : null);
        });
    module.mount(app, ctx -> ctx.attribute("owner"));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  module.close();
                  db.close();
                }));
    app.start("127.0.0.1", port);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
