package org.globustimer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The tools we compare with, run as child processes and timed from start to exit. */
final class TransferCommands {

  private TransferCommands() {}

  /** True when {@code command --version} runs. */
  static boolean available(String command) {
    try {
      Process p =
          new ProcessBuilder(command, "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Whether {@code tool} runs, installing Debian's package of that name first with apt-get when it
   * is missing and we are root; otherwise says how to install it.
   */
  static boolean installed(String tool) {
    if (available(tool)) {
      return true;
    }
    if (firstLine("id", "-u").equals("0") && available("apt-get")) {
      System.out.printf(
          "%s not found: installing it (apt-get update; apt-get install -y %s)%n", tool, tool);
      try {
        run(List.of("apt-get", "update", "-q"));
        run(List.of("apt-get", "install", "-y", "-q", tool));
      } catch (RuntimeException e) {
        System.out.printf("could not install %s: %s%n", tool, e.getMessage());
      }
      if (available(tool)) {
        return true;
      }
    }
    System.out.printf(
        "%s not found: install it (as root: apt-get update && apt-get install -y %s) to"
            + " compare with it%n",
        tool, tool);
    return false;
  }

  /** Runs the command and answers its wall time in seconds; fails on a non-zero exit. */
  static double time(List<String> command) {
    long start = System.nanoTime();
    run(command);
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Copies each file of {@code src} into {@code dst} with {@code dd bs=8M conv=fsync}, one after
   * another, and answers the wall time in seconds.
   */
  static double dd(Path src, Path dst) {
    try (var files = Files.list(src)) {
      Files.createDirectories(dst);
      double seconds = 0;
      for (Path f : files.sorted().toList()) {
        seconds +=
            time(
                List.of(
                    "dd",
                    "if=" + f,
                    "of=" + dst.resolve(f.getFileName()),
                    "bs=8M",
                    "conv=fsync",
                    "status=none"));
      }
      return seconds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void run(List<String> command) {
    run(new ProcessBuilder(command).inheritIO());
  }

  /** Runs a prepared command to its end; a non-zero exit fails the benchmark. */
  static void run(ProcessBuilder process) {
    try {
      int exit = process.start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException(process.command() + " exited with " + exit);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The first line a command prints, for the machine description. */
  static String firstLine(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      return out.lines().findFirst().orElse("");
    } catch (IOException e) {
      return "(unavailable)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    }
  }
}
