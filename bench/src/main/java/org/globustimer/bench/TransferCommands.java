package org.globustimer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** Runs the command and answers its wall time in seconds; fails on a non-zero exit. */
  static double time(List<String> command) {
    long start = System.nanoTime();
    run(command);
    return (System.nanoTime() - start) / 1e9;
  }

  static void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).inheritIO().start();
      int exit = p.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(command + " exited with " + exit);
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
