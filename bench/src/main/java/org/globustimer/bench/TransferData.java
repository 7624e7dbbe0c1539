package org.globustimer.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/** The benchmark's source trees (random, incompressible bytes) and a few file-tree chores. */
final class TransferData {

  private static final int BLOCK = 1 << 20;

  private TransferData() {}

  /** {@code files} files sharing {@code totalMiB} MiB in {@code dir}. */
  static void large(Path dir, int files, long totalMiB) throws IOException {
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(42);
    byte[] block = new byte[BLOCK];
    long perFile = totalMiB / files;
    for (int f = 0; f < files; f++) {
      try (OutputStream out = Files.newOutputStream(dir.resolve("large-" + f + ".bin"))) {
        for (long m = 0; m < perFile; m++) {
          random.nextBytes(block);
          out.write(block);
        }
      }
    }
  }

  /** {@code files} files of 1 to {@code 2 * avgKiB} KiB, a hundred per directory. */
  static void small(Path dir, int files, int avgKiB) throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    byte[] bytes = new byte[2 * avgKiB * 1024];
    for (int f = 0; f < files; f++) {
      Path sub = dir.resolve(String.format("d%03d", f / 100));
      if (f % 100 == 0) {
        Files.createDirectories(sub);
      }
      int size = 1024 + random.nextInt(bytes.length - 1024 + 1);
      random.nextBytes(bytes);
      try (OutputStream out = Files.newOutputStream(sub.resolve(String.format("f%05d.dat", f)))) {
        out.write(bytes, 0, size);
      }
    }
  }

  /** Files and bytes below {@code dir}, reading every file so its pages are cached. */
  static long[] readAll(Path dir) throws IOException {
    LongAdder files = new LongAdder();
    LongAdder bytes = new LongAdder();
    byte[] buffer = new byte[BLOCK];
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            try (var in = Files.newInputStream(file)) {
              for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.add(n);
              }
            }
            files.increment();
            return FileVisitResult.CONTINUE;
          }
        });
    return new long[] {files.sum(), bytes.sum()};
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
