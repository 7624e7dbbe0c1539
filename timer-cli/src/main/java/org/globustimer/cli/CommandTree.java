package org.globustimer.cli;

import java.util.Arrays;
import java.util.List;
import org.globustimer.cli.endpoint.EndpointCommand;
import org.globustimer.cli.job.JobCommand;
import org.globustimer.cli.schedule.ScheduleCommand;
import org.globustimer.cli.server.ServerCommand;
import org.globustimer.cli.session.SessionCommand;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Builds picocli's model of the command line. Building it for every command costs more than most
 * commands do (reflection over some sixty classes), so a command line gets the groups without their
 * subcommands plus the one subcommand it names; when its arguments do not parse the same way in
 * that part, the whole tree is built and used instead, so errors and help read as they always did.
 * (picocli resets every option before it parses, so the part parses again when it runs.)
 */
final class CommandTree {

  static final List<CommandGroup> GROUPS =
      List.of(
          JobCommand.GROUP,
          ScheduleCommand.GROUP,
          EndpointCommand.GROUP,
          SessionCommand.GROUP,
          ServerCommand.GROUP);

  private CommandTree() {}

  /** Every command, for completion scripts, man pages and anything unusual. */
  static CommandLine full(Environment env) {
    return build(env, null, null);
  }

  /** The part of the tree {@code args} needs; the whole tree when that part cannot be told. */
  static CommandLine forArgs(Environment env, String... args) {
    List<String> words = Arrays.asList(args);
    CommandGroup group = null;
    int at = -1;
    for (int i = 0; i < words.size() && group == null; i++) {
      for (CommandGroup candidate : GROUPS) {
        if (candidate.name().equals(words.get(i))) {
          group = candidate;
          at = i;
        }
      }
    }
    if (group == null) {
      return words.contains("completion") ? full(env) : build(env, null, "");
    }
    String sub = null;
    for (String word : words.subList(at + 1, words.size())) {
      if (group.has(word)) {
        sub = word;
        break;
      }
    }
    CommandLine part = build(env, group, sub);
    try {
      ParseResult parsed = part.parseArgs(args);
      if (parsed.hasSubcommand() && parsed.subcommand().commandSpec().name().equals(group.name())) {
        ParseResult inGroup = parsed.subcommand();
        boolean sameSub =
            sub == null
                ? !inGroup.hasSubcommand()
                : inGroup.hasSubcommand() && inGroup.subcommand().commandSpec().name().equals(sub);
        if (sameSub) {
          return part;
        }
      }
    } catch (ParameterException e) {
      // parsed again below against every command, which says what is wrong as it always did
    }
    return full(env);
  }

  /**
   * The root with every group; {@code chosen} gets its subcommand {@code sub} (all of them when
   * null), the other groups none (and are left out when {@code sub} is given). With no group
   * chosen, {@code sub} null means every group has all its subcommands and an empty {@code sub}
   * that none has.
   */
  private static CommandLine build(Environment env, CommandGroup chosen, String sub) {
    CommandLine root = new CommandLine(new RootCommand(env));
    // A command line that names a group's subcommand needs no other group: only the root's help
    // and errors list them, and those are never shown from this part (they parse differently).
    boolean onlyChosen = chosen != null && sub != null;
    for (CommandGroup group : GROUPS) {
      if (onlyChosen && group != chosen) {
        continue;
      }
      CommandLine line = new CommandLine(group.command());
      boolean all = chosen == null ? sub == null : group == chosen && sub == null;
      for (var entry : group.subcommands()) {
        if (all || (group == chosen && entry.getKey().equals(sub))) {
          line.addSubcommand(entry.getKey(), entry.getValue());
        }
      }
      root.addSubcommand(group.name(), line);
    }
    if (!onlyChosen) {
      root.addSubcommand("completion", CompletionCommand.class);
    }
    root.setCaseInsensitiveEnumValuesAllowed(true);
    return root;
  }
}
