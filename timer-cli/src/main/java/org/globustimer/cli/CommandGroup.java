package org.globustimer.cli;

import java.util.List;
import java.util.Map;

/**
 * A command that only groups others ({@code job}, {@code server} …) with its subcommands by name,
 * in the order help lists them. They are listed here rather than in the group's annotation so that
 * a command line builds only the subcommand it runs (see {@link CommandTree}).
 */
public record CommandGroup(
    String name, Class<?> command, List<Map.Entry<String, Class<?>>> subcommands) {

  public static Map.Entry<String, Class<?>> sub(String name, Class<?> command) {
    return Map.entry(name, command);
  }

  boolean has(String subcommand) {
    return subcommands.stream().anyMatch(entry -> entry.getKey().equals(subcommand));
  }
}
