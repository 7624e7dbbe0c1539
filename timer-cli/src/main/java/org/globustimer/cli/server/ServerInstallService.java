package org.globustimer.cli.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.globustimer.cli.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "install-service",
    mixinStandardHelpOptions = true,
    description = {
      "Write a systemd unit that keeps the service running and brings it back after a reboot.",
      "By default a user unit for the local service of this user (home $GLOBUS_TIMER_HOME);"
          + " with --system a system unit for a shared service, run as its own account with its"
          + " data in /var/lib/globus-timer. It restarts on failure and runs sandboxed: the file"
          + " system is read-only except for the service's home, the user's home (user unit) and"
          + " the --writable endpoint roots.",
      "Prints the systemctl commands that enable it; writes nothing with --print."
    })
final class ServerInstallService implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--system", description = "A system unit for a shared service (needs root).")
  boolean system;

  @Option(
      names = "--account",
      paramLabel = "NAME",
      description = "The account a system unit runs as (default globus-timer).")
  String account = "globus-timer";

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "The service's data directory (default: $GLOBUS_TIMER_HOME for a user unit,"
              + " /var/lib/globus-timer for a system unit).")
  Path home;

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 8723).")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Address to listen on (default 127.0.0.1).")
  String bind;

  @Option(
      names = "--writable",
      paramLabel = "DIR",
      description =
          "An endpoint root outside the service's home that transfers write to; repeatable.")
  List<Path> writable = new ArrayList<>();

  @Option(
      names = "--unit-dir",
      paramLabel = "DIR",
      description =
          "Where to write the unit (default ~/.config/systemd/user, or /etc/systemd/system).")
  Path unitDir;

  @Option(names = "--print", description = "Print the unit instead of writing it.")
  boolean print;

  @Override
  public Integer call() {
    Environment env = ServerCommand.environment(spec);
    for (Path dir : writable) {
      if (!dir.isAbsolute()) {
        throw new ParameterException(
            spec.commandLine(),
            "--writable needs an absolute path, not '"
                + dir
                + "' (e.g. --writable /data/incoming)");
      }
    }
    if (!account.matches("[a-z_][a-z0-9_-]{0,31}")) {
      throw new ParameterException(
          spec.commandLine(), "'" + account + "' is not an account name (e.g. globus-timer)");
    }
    Path serviceHome = (home != null ? home : defaultHome(env)).toAbsolutePath().normalize();
    ServiceUnit unit =
        new ServiceUnit(
            system,
            command(env, serviceHome),
            serviceHome,
            env.userHome(),
            account,
            writable.stream().map(Path::normalize).toList());
    PrintWriter out = spec.commandLine().getOut();
    if (print) {
      out.print(unit.render());
      return 0;
    }
    Path file =
        (unitDir != null ? unitDir : system ? UnitFiles.SYSTEM_DIR : UnitFiles.userDir(env))
            .resolve(UnitFiles.DEFAULT_NAME + ".service");
    UnitFiles.write(file, unit.render());
    out.println("Wrote " + file + ".");
    new NextSteps(system, account, serviceHome).print(out);
    return 0;
  }

  private Path defaultHome(Environment env) {
    return system ? UnitFiles.SYSTEM_HOME : env.timerHome();
  }

  private List<String> command(Environment env, Path serviceHome) {
    List<String> command = new ArrayList<>();
    command.add(ServerBinaries.java(env));
    // A system service's local endpoints (single-user mode) are rooted in its own home.
    command.add("-Duser.home=" + (system ? serviceHome : env.userHome()));
    command.add("-jar");
    command.add(ServerBinaries.serverJar(env).toAbsolutePath().toString());
    command.add("--home");
    command.add(serviceHome.toString());
    if (port != null) {
      command.add("--port");
      command.add(port.toString());
    }
    if (bind != null) {
      command.add("--bind");
      command.add(bind);
    }
    return command;
  }
}
