package org.globustimer.cli.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed's items file: CSV lines {@code source_path,destination_path,recursive}; blank lines and
 * lines starting with {@code #} are skipped, a header line naming the columns too. Fields may be
 * double-quoted (for commas in paths); recursive may be left out and then means false.
 */
final class ItemsFile {

  private ItemsFile() {}

  static List<TransferItem> parse(String name, List<String> lines) {
    List<TransferItem> items = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#") || isHeader(line)) {
        continue;
      }
      List<String> fields = CsvLine.fields(line);
      if (fields.size() < 2 || fields.size() > 3) {
        throw problem(name, n, "expected source_path,destination_path,recursive");
      }
      try {
        items.add(
            TransferItems.item(
                fields.get(0), fields.get(1), fields.size() == 3 ? fields.get(2) : "false"));
      } catch (IllegalArgumentException e) {
        throw problem(name, n, e.getMessage());
      }
    }
    return items;
  }

  private static boolean isHeader(String line) {
    return line.toLowerCase(Locale.ROOT)
        .replace(" ", "")
        .startsWith("source_path,destination_path");
  }

  private static IllegalArgumentException problem(String name, int index, String what) {
    return new IllegalArgumentException(name + " line " + (index + 1) + ": " + what);
  }
}
