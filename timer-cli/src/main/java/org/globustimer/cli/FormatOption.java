package org.globustimer.cli;

import org.globustimer.cli.output.OutputFormat;
import picocli.CommandLine.Option;

public final class FormatOption {

  @Option(
      names = {"-F", "--format"},
      paramLabel = "FORMAT",
      description = "Output format: text, json or unix (default: text).")
  OutputFormat format;

  /** The format given here, or null. */
  public OutputFormat format() {
    return format;
  }
}
