package org.globustimer.cli.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.globustimer.cli.CliException;
import org.globustimer.cli.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the local service's database to FILE, consistently, while it runs or not.",
      "Restore by stopping the service and putting the copy in place of db/timers.db"
          + " (see docs/operations.md)."
    })
final class ServerBackup implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The new file to write (must not exist).")
  Path file;

  @Override
  public Integer call() {
    Environment env = ServerCommand.environment(spec);
    LocalService local = new LocalService(env);
    List<String> command =
        List.of(
            ServerBinaries.java(env),
            "-jar",
            ServerBinaries.serverJar(env).toString(),
            "backup",
            file.toAbsolutePath().toString(),
            "--home",
            local.home().toString());
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = process.waitFor();
      if (code != 0) {
        throw new CliException(said.replace("globus-timer-server backup: ", "").strip());
      }
      spec.commandLine().getOut().print(said);
      return 0;
    } catch (IOException e) {
      throw new CliException("cannot run the backup: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    }
  }
}
