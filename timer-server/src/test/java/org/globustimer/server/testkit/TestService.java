package org.globustimer.server.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.globustimer.server.TimerService;
import org.globustimer.server.config.SettingsLoader;

/**
 * The real service on a free loopback port with a home of its own. Restartable on the same home, to
 * test what survives a stop.
 */
public final class TestService implements AutoCloseable {

  private final Path home;
  private final Map<String, String> overrides;
  private final ManualScheduler time;
  private TimerService service;

  private TestService(Path home, Map<String, String> overrides, ManualScheduler time) {
    this.home = home;
    this.overrides = overrides;
    this.time = time;
  }

  public static TestService start(Path home) {
    return start(home, Map.of());
  }

  /** {@code overrides} are settings by key, e.g. {@code min_interval_seconds}. */
  public static TestService start(Path home, Map<String, String> overrides) {
    TestService test = new TestService(home, overrides, null);
    test.startAgain();
    return test;
  }

  /**
   * The service on manual time: its clock stands still and its engine does nothing until the test
   * moves {@code time} on; HTTP and the store are real.
   */
  public static TestService startManual(
      Path home, Map<String, String> overrides, ManualScheduler time) {
    TestService test = new TestService(home, overrides, time);
    test.startAgain();
    return test;
  }

  public void startAgain() {
    Map<String, String> settings = new HashMap<>(overrides);
    settings.putIfAbsent("port", "0");
    settings.putIfAbsent("bind", "127.0.0.1");
    String[] args =
        settings.entrySet().stream()
            .flatMap(e -> java.util.stream.Stream.of("--" + e.getKey(), e.getValue()))
            .toArray(String[]::new);
    String[] withHome = new String[args.length + 2];
    withHome[0] = "--home";
    withHome[1] = home.toString();
    System.arraycopy(args, 0, withHome, 2, args.length);
    var loaded = SettingsLoader.load(withHome, Map.of());
    service =
        time == null
            ? TimerService.start(loaded, Clock.systemUTC())
            : TimerService.start(loaded, time.clock(), time);
  }

  public void stop() {
    if (service != null) {
      service.close();
      service = null;
    }
  }

  public String url() {
    return service.url();
  }

  public Path home() {
    return home;
  }

  public String token() {
    try {
      return Files.readString(home.resolve("token")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds another identity with a local token of its own and returns that token. */
  public String addIdentity(String name) {
    String token = "test-token-" + java.util.UUID.randomUUID();
    service
        .store()
        .inTransaction(
            tx -> {
              tx.localTokens()
                  .insert(
                      org.globustimer.server.auth.LocalTokens.hash(token),
                      "urn:globus:auth:identity:" + java.util.UUID.randomUUID(),
                      name,
                      java.time.Instant.now());
              return null;
            });
    return token;
  }

  /**
   * Writes a fresh sealing key, base64, mode 0600, into {@code dir} and answers its path: what
   * {@code secret_key_file} names for a multi-user service.
   */
  public static Path secretKeyFile(Path dir) {
    byte[] secret = new byte[32];
    new java.security.SecureRandom().nextBytes(secret);
    Path key = dir.resolve("secret.key");
    try {
      Files.writeString(key, java.util.Base64.getEncoder().encodeToString(secret));
      Files.setPosixFilePermissions(
          key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return key;
  }

  public TimerService service() {
    return service;
  }

  @Override
  public void close() {
    stop();
  }
}
