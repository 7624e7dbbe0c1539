package org.globustimer.server.testkit;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How a test starts the service's JVM: the test's class path with its class directories packed as
 * jars, and a class-data cache (the AOT cache from JDK 25, a dynamic CDS archive before) written by
 * one training start of the service. Loading classes from the cache roughly halves a child's
 * start-up; a cache the JVM cannot use is ignored by it, so a start never depends on it.
 *
 * <p>The packed jars and the cache live in {@code target/service-jvm/}, under a key made of the
 * class path and what its entries hold, and are shared by every test JVM of the module: the first
 * to take the key's file lock trains, the others use the cache once it is there, and a later run
 * with the same classes trains nothing. Children started before it is ready go with the plain class
 * path and no cache, so no test waits for a training.
 */
final class ChildJvm {

  static final List<String> BASE_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");
  private static final boolean AOT = Runtime.version().feature() >= 25;
  private static final Path CACHES = Path.of("target", "service-jvm").toAbsolutePath();
  private static ChildJvm instance;

  /** What a child is started with: its class path and the options that load the cache. */
  record Launch(String classPath, List<String> cacheOptions) {}

  private volatile Launch launch =
      new Launch(System.getProperty("java.class.path"), List.<String>of());

  private ChildJvm() {}

  /** The one per test JVM; the first call starts looking for, or training, the shared cache. */
  static synchronized ChildJvm get() {
    if (instance == null) {
      ChildJvm jvm = new ChildJvm();
      Thread.ofPlatform().daemon().name("service-jvm-cache").start(jvm::prepareCache);
      instance = jvm;
    }
    return instance;
  }

  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  Launch launch() {
    return launch;
  }

  private void prepareCache() {
    try {
      String classPath = System.getProperty("java.class.path");
      Path dir = CACHES.resolve(key(classPath));
      Files.createDirectories(dir);
      Path ready = dir.resolve("ready");
      FileChannel lockFile = lockFile(dir);
      try (FileLock held = lockFile.lock()) {
        if (!Files.exists(ready)) {
          removeUnusedKeys(dir);
          String packed = packedClassPath(dir, classPath);
          List<String> options = train(dir, packed);
          Files.write(ready, Stream.concat(Stream.of(packed), options.stream()).toList());
        }
      }
      // held, shared, until this JVM exits: a run with other classes does not remove these jars
      lockFile.lock(0, Long.MAX_VALUE, true);
      List<String> lines = Files.readAllLines(ready);
      launch = new Launch(lines.getFirst(), List.copyOf(lines.subList(1, lines.size())));
    } catch (IOException | RuntimeException e) {
      // no cache: children start as they would without one
    }
  }

  /** Same classes, same JDK, same key: every entry's path, and its size and time per file. */
  private static String key(String classPath) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    digest.update((Runtime.version() + "\n" + classPath).getBytes(StandardCharsets.UTF_8));
    for (String entry : classPath.split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(path)) {
        for (Path file : files.sorted().toList()) {
          BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
          String line =
              file + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
          digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 12);
  }

  private static FileChannel lockFile(Path dir) throws IOException {
    return FileChannel.open(
        dir.resolve("lock"),
        StandardOpenOption.CREATE,
        StandardOpenOption.READ,
        StandardOpenOption.WRITE);
  }

  /** Caches of earlier builds are removed once no test JVM uses them (holds their lock). */
  private static void removeUnusedKeys(Path dir) throws IOException {
    try (Stream<Path> keys = Files.list(CACHES)) {
      for (Path other : keys.filter(key -> !key.equals(dir)).toList()) {
        try (FileChannel lockFile = lockFile(other);
            FileLock unused = lockFile.tryLock()) {
          if (unused != null) {
            Trees.delete(other);
          }
        } catch (IOException e) {
          // left for a later run to remove
        }
      }
    }
  }

  /** A class directory cannot go into a class-data cache, so each is packed into a jar. */
  private static String packedClassPath(Path dir, String classPath) throws IOException {
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : classPath.split(File.pathSeparator)) {
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
    // what a training cut off by its JVM's exit left behind
    Trees.delete(home);
    Files.deleteIfExists(cache);
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
    Trees.delete(home);
    if (!Files.exists(cache)) {
      return List.of();
    }
    return List.of((AOT ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache);
  }
}
