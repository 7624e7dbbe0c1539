package org.globustimer.cli;

import java.io.Console;

final class Terminals {

  private Terminals() {}

  /**
   * From JDK 22 on, {@code System.console()} is non-null even when output is redirected, so ask
   * {@code isTerminal()} where it exists; the method is looked up because the code targets 21.
   */
  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
