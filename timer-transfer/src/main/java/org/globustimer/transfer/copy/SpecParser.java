package org.globustimer.transfer.copy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.globustimer.transfer.TransferException;

/**
 * Reads a run body in either shape: the Automate transfer provider's ({@code source_endpoint_id},
 * {@code transfer_items}) or the Transfer API document ({@code DATA_TYPE: transfer}, {@code
 * source_endpoint}, {@code DATA}). Every refusal names the field and the reason.
 */
public final class SpecParser {

  /** The longest path or filter pattern accepted (what the store and file systems hold). */
  public static final int MAX_PATH = 4096;

  private static final Map<String, Integer> SYNC_NAMES =
      Map.of("exists", 0, "size", 1, "mtime", 2, "checksum", 3);

  private SpecParser() {}

  public static TransferSpec parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw invalid("body", "must be a JSON object");
    }
    boolean document = body.has("DATA") || body.has("source_endpoint");
    String src = endpoint(body, document ? "source_endpoint" : "source_endpoint_id");
    String dst = endpoint(body, document ? "destination_endpoint" : "destination_endpoint_id");
    String itemsField = document ? "DATA" : "transfer_items";
    JsonNode items = body.get(itemsField);
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw invalid(itemsField, "required, a non-empty list of transfer items");
    }
    List<TransferSpec.Item> parsed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      parsed.add(item(items.get(i), itemsField + "[" + i + "]"));
    }
    return new TransferSpec(
        src,
        dst,
        List.copyOf(parsed),
        label(body),
        syncLevel(body.get("sync_level")),
        bool(body, "verify_checksum"),
        bool(body, "preserve_timestamp"),
        bool(body, "encrypt_data"),
        bool(body, "delete_destination_extra"),
        bool(body, "skip_source_errors"),
        bool(body, "fail_on_quota_errors"),
        symlinks(body.get("recursive_symlinks")),
        filters(body.get("filter_rules")),
        deadline(body.get("deadline"), "deadline"));
  }

  private static String endpoint(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      throw invalid(field, "required");
    }
    if (!v.isTextual() || !isUuid(v.asText())) {
      throw invalid(field, "must be an endpoint id (a UUID)");
    }
    return v.asText().toLowerCase(Locale.ROOT);
  }

  private static boolean isUuid(String s) {
    return s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  }

  private static TransferSpec.Item item(JsonNode item, String where) {
    if (item == null || !item.isObject()) {
      throw invalid(where, "must be an object with source_path and destination_path");
    }
    JsonNode type = item.get("DATA_TYPE");
    if (type != null && !type.isNull() && !"transfer_item".equals(type.asText())) {
      throw invalid(where + ".DATA_TYPE", "must be \"transfer_item\"");
    }
    return new TransferSpec.Item(
        path(item, where + ".source_path", "source_path"),
        path(item, where + ".destination_path", "destination_path"),
        bool(item, "recursive", where + ".recursive"),
        algorithm(item.get("checksum_algorithm"), where + ".checksum_algorithm"));
  }

  private static ChecksumAlgorithm algorithm(JsonNode v, String where) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(where, "must be a string such as \"SHA256\" or \"MD5\"");
    }
    return ChecksumAlgorithm.parse(v.asText(), where);
  }

  private static String path(JsonNode item, String where, String field) {
    JsonNode v = item.get(field);
    if (v == null || v.isNull()) {
      throw invalid(where, "required");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw invalid(where, "must be a non-empty string");
    }
    if (v.asText().length() > MAX_PATH) {
      throw invalid(where, "must be at most " + MAX_PATH + " characters");
    }
    return v.asText();
  }

  private static String label(JsonNode body) {
    JsonNode v = body.get("label");
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.asText().length() > 128) {
      throw invalid("label", "must be a string of at most 128 characters");
    }
    return v.asText();
  }

  static Integer syncLevel(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual() && SYNC_NAMES.containsKey(v.asText().toLowerCase(Locale.ROOT))) {
      return SYNC_NAMES.get(v.asText().toLowerCase(Locale.ROOT));
    }
    if (v.isIntegralNumber() && v.asInt() >= 0 && v.asInt() <= 3) {
      return v.asInt();
    }
    throw invalid("sync_level", "must be 0, 1, 2 or 3 (exists, size, mtime, checksum)");
  }

  private static boolean bool(JsonNode body, String field) {
    return bool(body, field, field);
  }

  private static boolean bool(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw invalid(where, "must be true or false");
    }
    return v.asBoolean();
  }

  private static TransferSpec.SymlinkMode symlinks(JsonNode v) {
    if (v == null || v.isNull()) {
      return TransferSpec.SymlinkMode.IGNORE;
    }
    try {
      return TransferSpec.SymlinkMode.valueOf(v.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("recursive_symlinks", "must be \"ignore\", \"keep\" or \"copy\"");
    }
  }

  private static List<TransferSpec.FilterRule> filters(JsonNode v) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw invalid("filter_rules", "must be a list of filter rules");
    }
    List<TransferSpec.FilterRule> rules = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode r = v.get(i);
      String where = "filter_rules[" + i + "]";
      if (!r.isObject()) {
        throw invalid(where, "must be an object with method and name");
      }
      String method = r.path("method").asText("");
      if (!method.equals("include") && !method.equals("exclude")) {
        throw invalid(where + ".method", "must be \"include\" or \"exclude\"");
      }
      if (!r.path("name").isTextual()
          || r.get("name").asText().isEmpty()
          || r.get("name").asText().length() > MAX_PATH) {
        throw invalid(where + ".name", "required, a glob such as \"*.tmp\"");
      }
      String type = r.hasNonNull("type") ? r.get("type").asText() : null;
      if (type != null && !type.equals("file") && !type.equals("dir")) {
        throw invalid(where + ".type", "must be \"file\" or \"dir\"");
      }
      rules.add(
          new TransferSpec.FilterRule(method.equals("include"), r.get("name").asText(), type));
    }
    return List.copyOf(rules);
  }

  /** An RFC 3339 date-time, or null when absent. */
  public static Instant deadline(JsonNode v, String field) {
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v.asText()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(v.asText());
      } catch (DateTimeParseException e2) {
        throw invalid(field, "must be an RFC 3339 date-time with an offset");
      }
    }
  }

  private static TransferException invalid(String field, String why) {
    return TransferException.badRequest(field + ": " + why);
  }
}
