package org.globustimer.cli.server;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = "Start the local service in the background (or in this terminal).")
final class ServerStart implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--foreground", description = "Run in this terminal until stopped.")
  boolean foreground;

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 8723).")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Address to listen on (default 127.0.0.1).")
  String bind;

  @Override
  public Integer call() {
    LocalService local = new LocalService(ServerCommand.environment(spec));
    var out = spec.commandLine().getOut();
    Optional<LocalService.Running> running = local.running();
    if (running.isPresent()) {
      ServerState state = running.get().state();
      out.println(
          "The local service is already running at " + state.url() + " (pid " + state.pid() + ").");
      return 0;
    }
    if (foreground) {
      out.flush();
      return new ServiceProcess(ServerCommand.environment(spec), local).runForeground(port, bind);
    }
    ServerState state =
        new ServiceProcess(ServerCommand.environment(spec), local).start(port, bind);
    out.println("Started the local service at " + state.url() + " (pid " + state.pid() + ").");
    out.println("Logs: " + local.logFile());
    return 0;
  }
}
