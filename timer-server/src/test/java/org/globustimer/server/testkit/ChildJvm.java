package org.globustimer.server.testkit;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How a test starts the service's JVM: the test's class path with its class directories packed as
 * jars, and a class-data cache (the AOT cache from JDK 25, a dynamic CDS archive before) written by
 * one training start of the service per test JVM. Loading classes from the cache roughly halves a
 * child's start-up; a cache the JVM cannot use is ignored by it, so a start never depends on it.
 */
final class ChildJvm {

  static final List<String> BASE_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");
  private static final boolean AOT = Runtime.version().feature() >= 25;
  private static ChildJvm instance;

  private final String classPath;
  private volatile List<String> cacheOptions = List.of();

  private ChildJvm(String classPath) {
    this.classPath = classPath;
  }

  /**
   * The one per test JVM, made by the first caller, which packs the class path and starts the
   * training in the background: no start waits for it, those before it ends go without the cache.
   */
  static synchronized ChildJvm get() {
    if (instance == null) {
      try {
        Path dir = Files.createTempDirectory("service-jvm");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        ChildJvm jvm = new ChildJvm(packedClassPath(dir));
        Thread.ofPlatform()
            .daemon()
            .name("service-jvm-training")
            .start(
                () -> {
                  try {
                    jvm.cacheOptions = train(dir, jvm.classPath);
                  } catch (IOException e) {
                    // no cache: children start as they would without one
                  }
                });
        instance = jvm;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  String classPath() {
    return classPath;
  }

  /** The options that load the cache; none when training wrote none. */
  List<String> cacheOptions() {
    return cacheOptions;
  }

  /** A class directory cannot go into a class-data cache, so each is packed into a jar. */
  private static String packedClassPath(Path dir) throws IOException {
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        Path jar = dir.resolve("classes-" + n++ + ".jar");
        pack(path, jar);
        entries.add(jar.toString());
      } else {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static void pack(Path classes, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      // directories get entries too: resource scanners (Flyway's migrations) list them
      for (Path file : files.filter(p -> !p.equals(classes)).sorted().toList()) {
        String name = classes.relativize(file).toString().replace('\\', '/');
        boolean directory = Files.isDirectory(file);
        out.putNextEntry(new JarEntry(directory ? name + "/" : name));
        if (!directory) {
          Files.copy(file, (OutputStream) out);
        }
        out.closeEntry();
      }
    }
  }

  /** Starts the service once on a scratch home and stops it cleanly; the JVM writes the cache. */
  private static List<String> train(Path dir, String classPath) throws IOException {
    Path cache = dir.resolve(AOT ? "service.aot" : "service.jsa");
    Path home = dir.resolve("training-home");
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(BASE_OPTIONS);
    command.add((AOT ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + cache);
    command.addAll(List.of("-cp", classPath, "org.globustimer.server.ServerMain"));
    command.addAll(List.of("--home", home.toString(), "--port", "0"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("training.log").toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("GLOBUS_TIMER_"));
    Process process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> !process.isAlive() || Files.exists(home.resolve("server.json")));
    } catch (ConditionTimeoutException e) {
      // a training that does not start leaves no cache, and children start without one
    }
    try {
      process.destroy();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    if (!Files.exists(cache)) {
      return List.of();
    }
    return List.of((AOT ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
