package org.globustimer.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the CLI reads from the world besides its arguments, so tests can give it a home, variables
 * and standard input of their own.
 */
public record Environment(
    Map<String, String> variables,
    Map<String, String> properties,
    Path userHome,
    InputStream stdin,
    boolean interactive) {

  public static final String JAVA_PROPERTY = "globustimer.java";
  public static final String SERVER_JAR_PROPERTY = "globustimer.server.jar";

  /**
   * Where the launcher wants the command of a foreground service written, so that it can exec it:
   * the foreground process then is the service itself.
   */
  public static final String EXEC_FILE_PROPERTY = "globustimer.exec.file";

  public static Environment system() {
    Map<String, String> properties = new java.util.HashMap<>();
    for (String key : new String[] {JAVA_PROPERTY, SERVER_JAR_PROPERTY, EXEC_FILE_PROPERTY}) {
      String value = System.getProperty(key);
      if (value != null) {
        properties.put(key, value);
      }
    }
    return new Environment(
        System.getenv(),
        properties,
        Path.of(System.getProperty("user.home")),
        System.in,
        Terminals.isInteractive());
  }

  public String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** The local service's data directory: {@code $GLOBUS_TIMER_HOME} or its default. */
  public Path timerHome() {
    String home = variable("GLOBUS_TIMER_HOME");
    return home != null ? Path.of(home) : userHome.resolve(".local/share/globus-timer");
  }

  public Path configHome() {
    String xdg = variable("XDG_CONFIG_HOME");
    return xdg != null ? Path.of(xdg) : userHome.resolve(".config");
  }

  /** Where the CLI keeps what it remembers between commands: {@code $XDG_STATE_HOME}. */
  public Path stateHome() {
    String xdg = variable("XDG_STATE_HOME");
    return xdg != null ? Path.of(xdg) : userHome.resolve(".local/state");
  }

  public Environment withVariables(Map<String, String> more) {
    Map<String, String> merged = new java.util.HashMap<>(variables);
    merged.putAll(more);
    return new Environment(Map.copyOf(merged), properties, userHome, stdin, interactive);
  }
}
