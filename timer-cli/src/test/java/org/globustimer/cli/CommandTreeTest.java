package org.globustimer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CommandTreeTest {

  @TempDir Path home;

  @Test
  void everySubcommandIsListedUnderTheNameItsAnnotationGives() {
    for (CommandGroup group : CommandTree.GROUPS) {
      assertThat(group.command().getAnnotation(Command.class).name()).isEqualTo(group.name());
      for (var entry : group.subcommands()) {
        assertThat(entry.getValue().getAnnotation(Command.class).name())
            .as(group.name() + " " + entry.getKey())
            .isEqualTo(entry.getKey());
      }
    }
  }

  @Test
  void theFullTreeHasEveryCommand() {
    CommandLine full = CommandTree.full(new CliRun(home).environment());
    assertThat(full.getSubcommands().keySet())
        .containsExactly("job", "schedule", "endpoint", "session", "server", "completion");
    assertThat(full.getSubcommands().get("job").getSubcommands()).hasSize(11);
  }

  @Test
  void aCommandLineBuildsOnlyTheSubcommandItRuns() {
    CommandLine part = CommandTree.forArgs(new CliRun(home).environment(), "job", "list");
    assertThat(part.getSubcommands().keySet()).containsExactly("job");
    assertThat(part.getSubcommands().get("job").getSubcommands().keySet()).containsExactly("list");
  }

  @Test
  void helpAndUsageErrorsReadAsWithEveryCommandBuilt() {
    List<String[]> lines =
        List.of(
            new String[] {"--help"},
            new String[] {"--version"},
            new String[] {},
            new String[] {"job"},
            new String[] {"job", "--help"},
            new String[] {"job", "lst"},
            new String[] {"job", "list", "--help"},
            new String[] {"job", "list", "--bogus"},
            new String[] {"job", "status"},
            new String[] {"job", "status", "--help"},
            new String[] {"job", "list", "server"},
            new String[] {"job", "list", "completion"},
            new String[] {"server", "status", "--bogus"},
            new String[] {"--service-url", "server", "job", "--help"},
            new String[] {"server", "--help"},
            new String[] {"schedule", "preview", "--help"},
            new String[] {"endpoint", "create", "--help"},
            new String[] {"nonsense"});
    for (String[] args : lines) {
      assertThat(run(CommandTree.forArgs(env(), args), args))
          .as(String.join(" ", args))
          .isEqualTo(run(CommandTree.full(env()), args));
    }
  }

  private Environment env() {
    return new CliRun(home).environment();
  }

  private static String run(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(cli, new PrintWriter(out), new PrintWriter(err), args);
    return "exit " + code + "\n" + out + "\n--- stderr\n" + err;
  }
}
