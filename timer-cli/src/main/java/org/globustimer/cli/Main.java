package org.globustimer.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import picocli.CommandLine;

/** The {@code globus-timer} command. Only {@link #main} ends the process. */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws java.io.IOException {
    if (Boolean.getBoolean(Training.PROPERTY)) {
      java.util.List<String> failed = Training.run();
      failed.forEach(System.err::println);
      System.exit(failed.isEmpty() ? 0 : 1);
    }
    Charset charset = System.out.charset();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
    int code = run(Environment.system(), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line and answers its exit code. */
  public static int run(Environment env, PrintWriter out, PrintWriter err, String... args) {
    return execute(CommandTree.forArgs(env, args), out, err, args);
  }

  static int execute(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new ErrorHandler(Arrays.asList(args).contains("--debug")));
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Every command, as completion scripts and man pages show them. */
  public static CommandLine commandLine(Environment env) {
    return CommandTree.full(env);
  }
}
