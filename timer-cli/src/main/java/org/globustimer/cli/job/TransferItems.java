package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.TypeConversionException;

/** What a transfer copies: items from {@code --item} triples and from an items file. */
final class TransferItems {

  private TransferItems() {}

  /** {@code --item SRC DST RECURSIVE} values, three per occurrence. */
  static List<TransferItem> fromTriples(List<String> values) {
    List<TransferItem> items = new ArrayList<>();
    if (values == null) {
      return items;
    }
    for (int i = 0; i + 2 < values.size(); i += 3) {
      items.add(item(values.get(i), values.get(i + 1), values.get(i + 2)));
    }
    return items;
  }

  static TransferItem item(String source, String destination, String recursive) {
    boolean isRecursive;
    try {
      isRecursive = TransferValues.parseBoolean(recursive);
    } catch (TypeConversionException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    return new TransferItem(endpointPath(source), endpointPath(destination), isRecursive);
  }

  /**
   * An unexpanded {@code ~/x} (quoted in the shell, or from a file) means the endpoint's home,
   * which transfer endpoints spell {@code /~/x}.
   */
  static String endpointPath(String path) {
    String trimmed = path.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("a transfer path may not be empty");
    }
    if (trimmed.equals("~")) {
      return "/~/";
    }
    return trimmed.startsWith("~/") ? "/" + trimmed : trimmed;
  }

  static ArrayNode toJson(List<TransferItem> items) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    items.forEach(item -> array.add(item.toJson()));
    return array;
  }
}
