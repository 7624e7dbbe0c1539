package org.globustimer.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns what a command throws into one line on stderr and an exit code. */
final class ErrorHandler implements IExecutionExceptionHandler {

  private final boolean debug;

  ErrorHandler(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    command.getOut().flush();
    if (debug) {
      ex.printStackTrace(err);
    }
    if (ex instanceof CliException cli) {
      err.println("globus-timer: error: " + cli.getMessage());
      err.flush();
      return cli.exitCode();
    }
    String detail = ex.getMessage() == null ? "" : ": " + ex.getMessage();
    err.println("globus-timer: error: " + ex.getClass().getSimpleName() + detail);
    if (!debug) {
      err.println("globus-timer: run again with --debug to see where it happened");
    }
    err.flush();
    return 1;
  }
}
