package org.globustimer.cli.server;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.globustimer.cli.output.JsonOutput;
import org.globustimer.cli.output.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Say whether the local service runs, where, and its health.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:running", "3:not running"})
final class ServerStatus implements Callable<Integer> {

  static final int NOT_RUNNING = 3;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LocalService local = new LocalService(ServerCommand.environment(spec));
    var out = spec.commandLine().getOut();
    Optional<ServerState> recorded = local.recorded();
    if (recorded.isEmpty()) {
      out.println("The local service is not running (home: " + local.home() + ").");
      UnitFiles.installedUserUnit(ServerCommand.environment(spec))
          .ifPresent(
              unit ->
                  out.println(
                      "A systemd user unit is installed ("
                          + unit
                          + "); start it with: systemctl --user start "
                          + UnitFiles.DEFAULT_NAME));
      return NOT_RUNNING;
    }
    ServerState state = recorded.get();
    Optional<LocalService.Running> running = local.running();
    new Summary()
        .put("Status", running.isPresent() ? "running" : "not answering")
        .put("URL", state.url().toString())
        .put("PID", Long.toString(state.pid()))
        .put("Node", state.nodeId())
        .put("Started At", state.startedAt())
        .put("Version", state.version())
        .put(
            "Managed By",
            state.systemdUnit() != null
                ? "systemd (" + state.systemdUnit() + ")"
                : "not systemd (globus-timer server start or by hand)")
        .put("Home", local.home().toString())
        .put("Logs", local.logFile().toString())
        .print(out);
    if (running.isEmpty()) {
      return 1;
    }
    out.println("Health:");
    JsonOutput.print(out, running.get().health());
    local.cluster(state).ifPresent(nodes -> printNodes(out, nodes));
    return 0;
  }

  private static void printNodes(
      java.io.PrintWriter out, com.fasterxml.jackson.databind.JsonNode nodes) {
    out.println("Nodes:");
    for (var node : nodes) {
      out.printf(
          "  %-20s %-28s claims %-6d last seen %s%n",
          node.path("node_id").asText(),
          node.path("url").asText(),
          node.path("claims").asLong(),
          node.path("heartbeat_at").asText());
    }
  }
}
