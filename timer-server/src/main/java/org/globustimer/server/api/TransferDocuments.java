package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Checks a v2 transfer timer's Transfer document and fills in every defaulted field. */
final class TransferDocuments {

  private static final String[] FALSE_BY_DEFAULT = {
    "delete_destination_extra",
    "encrypt_data",
    "fail_on_quota_errors",
    "preserve_timestamp",
    "skip_source_errors",
    "store_base_path_info",
    "verify_checksum"
  };
  private static final String[] TRUE_BY_DEFAULT = {
    "notify_on_failed", "notify_on_inactive", "notify_on_succeeded"
  };

  ObjectNode normalized(ObjectNode transfer, Fields f) {
    ObjectNode doc = transfer.deepCopy();
    String dataType = f.text("DATA_TYPE", false);
    if (dataType != null && !dataType.equals("transfer")) {
      f.problem("DATA_TYPE", "must be 'transfer'");
    }
    doc.put("DATA_TYPE", "transfer");
    requireUuid(f, "source_endpoint");
    requireUuid(f, "destination_endpoint");
    JsonNode data = f.raw("DATA");
    if (!(data instanceof ArrayNode items) || items.isEmpty()) {
      f.problem("DATA", "must be a non-empty list of transfer items");
    } else {
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof ObjectNode itemNode)) {
          f.problem("DATA", "item " + i + " must be a JSON object");
          continue;
        }
        for (String path : new String[] {"source_path", "destination_path"}) {
          JsonNode value = itemNode.get(path);
          if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            f.problem("DATA", "item " + i + ": " + path + " is required and must be a string");
          } else if (value.asText().length() > Limits.PATH) {
            f.tooLong(List.of("DATA", String.valueOf(i), path), Limits.PATH);
          }
        }
        JsonNode recursive = itemNode.get("recursive");
        if (recursive != null && !recursive.isNull() && !recursive.isBoolean()) {
          f.problem("DATA", "item " + i + ": recursive must be true or false");
        }
        ((ObjectNode) doc.withArray("DATA").get(i)).put("DATA_TYPE", "transfer_item");
      }
    }
    for (String text :
        new String[] {"label", "deadline", "source_local_user", "destination_local_user"}) {
      f.text(text, false);
    }
    checkFilterRules(f, f.raw("filter_rules"));
    for (String flag : FALSE_BY_DEFAULT) {
      Boolean value = f.bool(flag);
      doc.put(flag, value != null && value);
    }
    for (String flag : TRUE_BY_DEFAULT) {
      Boolean value = f.bool(flag);
      doc.put(flag, value == null || value);
    }
    JsonNode syncLevel = f.raw("sync_level");
    if (syncLevel != null
        && !syncLevel.isNull()
        && (!syncLevel.isInt() || syncLevel.asInt() < 0 || syncLevel.asInt() > 3)) {
      f.problem("sync_level", "must be 0, 1, 2 or 3 (exists, size, mtime, checksum)");
    }
    return doc;
  }

  /** Filter rules as the Transfer API takes them: method, a glob name and an optional type. */
  private static void checkFilterRules(Fields f, JsonNode rules) {
    if (rules == null || rules.isNull()) {
      return;
    }
    if (!(rules instanceof ArrayNode list)) {
      f.problem("filter_rules", "must be a list of {method, name, type} rules");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String where = "rule " + i + ": ";
      if (!(list.get(i) instanceof ObjectNode rule)) {
        f.problem("filter_rules", where + "must be a JSON object");
        continue;
      }
      JsonNode name = rule.get("name");
      if (name == null || !name.isTextual() || name.asText().isEmpty()) {
        f.problem("filter_rules", where + "name is required, a glob such as \"*.tmp\"");
      } else if (name.asText().length() > Limits.PATH) {
        f.tooLong(List.of("filter_rules", String.valueOf(i), "name"), Limits.PATH);
      }
      // Required: a transfer refuses a rule without one when it runs.
      JsonNode method = rule.get("method");
      if (method == null
          || !method.isTextual()
          || !("include".equals(method.asText()) || "exclude".equals(method.asText()))) {
        f.problem("filter_rules", where + "method must be \"include\" or \"exclude\"");
      }
      JsonNode dataType = rule.get("DATA_TYPE");
      if (dataType != null && !"filter_rule".equals(dataType.asText(null))) {
        f.problem("filter_rules", where + "DATA_TYPE must be \"filter_rule\" or left out");
      }
      JsonNode type = rule.get("type");
      if (type != null
          && !type.isNull()
          && !(type.isTextual() && ("file".equals(type.asText()) || "dir".equals(type.asText())))) {
        f.problem("filter_rules", where + "type must be \"file\" or \"dir\"");
      }
    }
  }

  private static void requireUuid(Fields f, String field) {
    String value = f.text(field, true);
    if (value != null && !JobRequests.isUuid(value)) {
      f.problem(field, "must be an endpoint UUID");
    }
  }
}
