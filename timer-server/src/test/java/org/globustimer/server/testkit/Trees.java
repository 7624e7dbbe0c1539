package org.globustimer.server.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Directories of small random files for transfer tests, comparing two of them, and removing a
 * scratch directory.
 */
public final class Trees {

  private Trees() {}

  /**
   * Removes {@code root} and all below it, as far as it can: a scratch directory left is harmless.
   */
  public static void delete(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // whatever could not be removed stays
    }
  }

  /**
   * {@code count} files of 4 KiB of random bytes: each is forced to disk before it is renamed into
   * place, so copying thousands of them takes a while even on a fast machine.
   */
  public static Path tree(Path root, int count) throws IOException {
    Files.createDirectories(root);
    SplittableRandom random = new SplittableRandom(7);
    byte[] block = new byte[4096];
    for (int i = 0; i < count; i++) {
      random.nextBytes(block);
      Files.write(root.resolve("f" + i + ".bin"), block);
    }
    return root;
  }

  /** The files of {@code dir} but temporary ones, sorted; none when it does not exist. */
  public static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> all = Files.list(dir)) {
      return all.filter(p -> !p.getFileName().toString().endsWith(".part")).sorted().toList();
    }
  }

  /**
   * Whether a copy into {@code dir} has begun: any file there, temporary ones included. Files are
   * renamed into place a batch at a time, so waiting for placed files would wait for most of a
   * small tree to be copied already.
   */
  public static boolean copyBegun(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> all = Files.list(dir)) {
      return all.findAny().isPresent();
    }
  }

  /** Whether {@code destination} holds exactly the files of {@code source}, byte for byte. */
  public static boolean sameTree(Path source, Path destination) throws IOException {
    List<Path> from = files(source);
    List<String> names = from.stream().map(p -> p.getFileName().toString()).toList();
    try (Stream<Path> there = Files.list(destination)) {
      if (!there.map(p -> p.getFileName().toString()).sorted().toList().equals(names)) {
        return false;
      }
    }
    for (Path file : from) {
      if (Files.mismatch(file, destination.resolve(file.getFileName())) != -1L) {
        return false;
      }
    }
    return true;
  }
}
