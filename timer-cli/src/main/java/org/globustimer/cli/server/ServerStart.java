package org.globustimer.cli.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Start the local service in the background (or in this terminal).",
      "Every setting of the service is also an option, named as in config.properties with"
          + " dashes or underscores: --database-url jdbc:postgresql://..., --lease-seconds 10,"
          + " --allowed-action-urls URL,... (see the README's table of settings)."
    })
final class ServerStart implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--foreground",
      description =
          "Run in this terminal until stopped: this process becomes the service, so SIGTERM or"
              + " Ctrl-C stops it cleanly.")
  boolean foreground;

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 8723).")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Address to listen on (default 127.0.0.1).")
  String bind;

  @Unmatched List<String> settingArgs = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> settings = serviceSettings();
    LocalService local = new LocalService(ServerCommand.environment(spec));
    var out = spec.commandLine().getOut();
    Optional<LocalService.Running> running = local.running();
    if (running.isPresent()) {
      ServerState state = running.get().state();
      out.println(
          "The local service is already running at " + state.url() + " (pid " + state.pid() + ").");
      return 0;
    }
    ServiceProcess process = new ServiceProcess(ServerCommand.environment(spec), local);
    if (foreground) {
      out.flush();
      return process.runForeground(port, bind, settings);
    }
    ServerState state = process.start(port, bind, settings);
    out.println("Started the local service at " + state.url() + " (pid " + state.pid() + ").");
    out.println("Logs: " + local.logFile());
    return 0;
  }

  /** The other options, as {@code --key value} pairs for the service, which checks each. */
  private List<String> serviceSettings() {
    List<String> settings = new ArrayList<>();
    for (int i = 0; i < settingArgs.size(); i++) {
      String arg = settingArgs.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new ParameterException(
            spec.commandLine(),
            "unexpected argument '" + arg + "'; settings look like --port 8723");
      }
      String key = arg.substring(2);
      String value;
      int equals = key.indexOf('=');
      if (equals >= 0) {
        value = key.substring(equals + 1);
        key = key.substring(0, equals);
      } else if (i + 1 < settingArgs.size() && !settingArgs.get(i + 1).startsWith("--")) {
        value = settingArgs.get(++i);
      } else {
        throw new ParameterException(spec.commandLine(), "option " + arg + " needs a value");
      }
      if (key.equals("home")) {
        throw new ParameterException(
            spec.commandLine(),
            "the local service's home is GLOBUS_TIMER_HOME (default ~/.local/share/globus-timer)");
      }
      settings.add("--" + key.replace('-', '_'));
      settings.add(value);
    }
    return settings;
  }
}
