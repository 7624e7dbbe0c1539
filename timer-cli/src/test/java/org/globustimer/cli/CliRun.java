package org.globustimer.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in this JVM with a home, variables and stdin of the test's choosing. */
public final class CliRun {

  public record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private final Path userHome;
  private final Map<String, String> variables = new HashMap<>();
  private final Map<String, String> properties = new HashMap<>();
  private String stdin = "";

  public CliRun(Path userHome) {
    this.userHome = userHome;
    variables.put("GLOBUS_TIMER_HOME", userHome.resolve("timer-home").toString());
    variables.put("XDG_CONFIG_HOME", userHome.resolve("config").toString());
  }

  public CliRun env(String name, String value) {
    if (value == null) {
      variables.remove(name);
    } else {
      variables.put(name, value);
    }
    return this;
  }

  public CliRun property(String name, String value) {
    properties.put(name, value);
    return this;
  }

  public CliRun stdin(String text) {
    this.stdin = text;
    return this;
  }

  public Environment environment() {
    return new Environment(
        Map.copyOf(variables),
        Map.copyOf(properties),
        userHome,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        false);
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(environment(), new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
