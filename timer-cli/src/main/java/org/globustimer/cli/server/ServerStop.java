package org.globustimer.cli.server;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the local service.")
final class ServerStop implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Optional<ServerState> stopped = new LocalService(ServerCommand.environment(spec)).stop();
    var out = spec.commandLine().getOut();
    if (stopped.isEmpty()) {
      out.println("The local service is not running.");
    } else {
      out.println(
          "Stopped the local service at "
              + stopped.get().url()
              + " (pid "
              + stopped.get().pid()
              + ").");
    }
    return 0;
  }
}
