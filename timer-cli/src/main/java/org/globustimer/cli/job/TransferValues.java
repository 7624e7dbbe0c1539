package org.globustimer.cli.job;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Readers of a transfer's values: its sync level and the RECURSIVE flag of an item. */
final class TransferValues {

  private TransferValues() {}

  static final class SyncLevelConverter implements ITypeConverter<Integer> {
    private static final Map<String, Integer> NAMES =
        Map.of("exists", 0, "size", 1, "mtime", 2, "checksum", 3);

    @Override
    public Integer convert(String value) {
      String key = value.strip().toLowerCase(Locale.ROOT);
      if (NAMES.containsKey(key)) {
        return NAMES.get(key);
      }
      if (key.matches("[0-3]")) {
        return Integer.parseInt(key);
      }
      throw new TypeConversionException(
          "'" + value + "' is not a sync level; give 0-3 or exists, size, mtime, checksum");
    }
  }

  /** The seed accepted several spellings of a boolean in an item's RECURSIVE field. */
  static boolean parseBoolean(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> true;
      case "false", "f", "no", "n", "0" -> false;
      default ->
          throw new TypeConversionException("'" + value + "' is not true or false (RECURSIVE)");
    };
  }
}
