package org.globustimer.cli.job;

import java.util.UUID;
import org.globustimer.cli.FormatOption;
import org.globustimer.cli.ServiceCommand;
import org.globustimer.cli.output.OutputFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** What every job command shares: the output format and {@code -v}. */
abstract class JobBase extends ServiceCommand {

  @Mixin FormatOption formatOption;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print the service's full JSON answer.")
  boolean verbose;

  final OutputFormat format() {
    return verbose ? OutputFormat.JSON : format(formatOption);
  }

  static String jobPath(UUID id) {
    return "/jobs/" + id;
  }

  static final class JobIdConverter implements ITypeConverter<UUID> {
    @Override
    public UUID convert(String value) {
      try {
        return UUID.fromString(value.strip());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a job id (a UUID)");
      }
    }
  }
}
