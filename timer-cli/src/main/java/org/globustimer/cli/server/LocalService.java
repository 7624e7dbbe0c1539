package org.globustimer.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.globustimer.cli.CliException;
import org.globustimer.cli.Environment;
import org.globustimer.cli.json.JsonText;

/** The local service under {@code $GLOBUS_TIMER_HOME}: finding, starting and stopping it. */
public final class LocalService {

  static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Environment env;
  private final Path home;
  private final Health health = new Health();

  public LocalService(Environment env) {
    this.env = env;
    this.home = env.timerHome();
  }

  public Path home() {
    return home;
  }

  public Path tokenFile() {
    return home.resolve("token");
  }

  Path stateFile() {
    return home.resolve("server.json");
  }

  Path logFile() {
    return home.resolve("logs/server.log");
  }

  /** The service recorded in server.json whose process is alive; a stale record is removed. */
  public Optional<ServerState> recorded() {
    Path file = stateFile();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    ServerState state;
    try {
      state = ServerState.from(JsonText.read(Files.readString(file)));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!state.alive()) {
      deleteQuietly(file);
      return Optional.empty();
    }
    return Optional.of(state);
  }

  /** The cluster's nodes as the running service reports them, read with the local token. */
  Optional<JsonNode> cluster(ServerState state) {
    try {
      String token = Files.readString(tokenFile()).trim();
      return health.cluster(state.url(), token);
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  Optional<Running> running() {
    return recorded().flatMap(s -> health.check(s.url()).map(body -> new Running(s, body)));
  }

  record Running(ServerState state, JsonNode health) {}

  /** The running local service, started in the background (and said so) when there is none. */
  public ServerState ensureRunning(PrintWriter err) {
    Optional<Running> running = running();
    if (running.isPresent()) {
      return running.get().state();
    }
    ServerState started = new ServiceProcess(env, this).start(null, null, java.util.List.of());
    err.println(
        "globus-timer: started the local service at "
            + started.url()
            + " (logs: "
            + logFile()
            + ")");
    err.flush();
    return started;
  }

  /** Stops the recorded service; answers what was stopped, or empty when nothing ran. */
  Optional<ServerState> stop() {
    Optional<ServerState> recorded = recorded();
    if (recorded.isEmpty()) {
      return Optional.empty();
    }
    ServerState state = recorded.get();
    ProcessHandle process = ProcessHandle.of(state.pid()).orElse(null);
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        process.onExit().get(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new CliException(
            "the local service (pid "
                + state.pid()
                + ") did not stop within "
                + STOP_TIMEOUT.toSeconds()
                + " s");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new CliException("cannot wait for pid " + state.pid() + ": " + e.getMessage(), e);
      }
    }
    deleteQuietly(stateFile());
    return recorded;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stale record that cannot be removed is ignored the next time too
    }
  }
}
