package org.globustimer.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The commands the launcher runs once, with the JVM recording what they load, to build the start-up
 * archive every later command uses (see docs/decisions/cli-startup.md). They are the common ones,
 * against a canned service on loopback that answers as ours does, through the local service's own
 * path (server.json, its token, the health check).
 */
public final class Training {

  /** The JVM system property that makes {@link Main} run this instead of a command line. */
  public static final String PROPERTY = "globustimer.training";

  private Training() {}

  /** Runs every training command and answers those that did not exit 0 (none, normally). */
  public static List<String> run() throws IOException {
    String job = resource("job.json");
    String id = job.substring(job.indexOf("\"job_id\"")).split("\"")[3];
    Path home = Files.createTempDirectory("globus-timer-training");
    try (TrainingService service = new TrainingService(job, id)) {
      Path timerHome = home.resolve("service");
      Files.createDirectories(timerHome);
      Files.writeString(timerHome.resolve("token"), "training-token\n");
      Files.writeString(
          timerHome.resolve("server.json"),
          "{\"pid\": "
              + ProcessHandle.current().pid()
              + ", \"url\": \""
              + service.url()
              + "\", \"port\": "
              + service.port()
              + ", \"bind\": \"127.0.0.1\", \"node_id\": \"training\"}");
      Environment env =
          new Environment(
              Map.of(
                  "GLOBUS_TIMER_HOME", timerHome.toString(),
                  "XDG_CONFIG_HOME", home.resolve("config").toString(),
                  "XDG_STATE_HOME", home.resolve("state").toString()),
              Map.of(),
              home,
              new ByteArrayInputStream(new byte[0]),
              false);
      List<String> failed = new ArrayList<>();
      for (String[] args : commands(id)) {
        StringWriter sink = new StringWriter();
        PrintWriter writer = new PrintWriter(sink);
        if (Main.run(env, writer, writer, args) != 0) {
          failed.add(String.join(" ", args) + ": " + sink);
        }
      }
      return failed;
    } finally {
      deleteTree(home);
    }
  }

  static List<String[]> commands(String id) {
    return List.of(
        new String[] {"--help"},
        new String[] {"--version"},
        new String[] {"job", "--help"},
        new String[] {"job", "list", "--help"},
        new String[] {"job", "list"},
        new String[] {"job", "list", "-F", "json"},
        new String[] {"job", "list", "--status", "active"},
        new String[] {"job", "status", id},
        new String[] {"job", "status", id, "-F", "json"},
        new String[] {"job", "status", id, "-v"});
  }

  static String resource(String name) {
    try (InputStream in = Training.class.getResourceAsStream("training/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
