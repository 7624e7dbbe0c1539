package org.globustimer.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import picocli.CommandLine;

/** The {@code globus-timer} command. Only {@link #main} ends the process. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
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
    CommandLine cli = commandLine(env);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new ErrorHandler(Arrays.asList(args).contains("--debug")));
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  public static CommandLine commandLine(Environment env) {
    CommandLine cli = new CommandLine(new RootCommand(env));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }
}
