package org.globustimer.transfer.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.globustimer.core.action.ActionStatus;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.copy.Progress;
import org.globustimer.transfer.copy.TransferSpec;

/** The action's {@code details}: a Globus Transfer task document, live or final. */
final class TaskDetails {

  private TaskDetails() {}

  static ObjectNode render(
      String actionId,
      TransferSpec spec,
      Progress p,
      ActionStatus status,
      Instant start,
      Instant now,
      String code,
      String description) {
    ObjectNode d = Json.mapper().createObjectNode();
    d.put("DATA_TYPE", "task").put("type", "TRANSFER").put("task_id", actionId);
    d.put("status", status.name()).put("label", spec.label());
    d.put("source_endpoint_id", spec.sourceEndpoint());
    d.put("destination_endpoint_id", spec.destinationEndpoint());
    d.put("request_time", start.toString());
    d.put("completion_time", status.isFinal() ? now.toString() : null);
    d.put("deadline", spec.deadline() == null ? null : spec.deadline().toString());
    if (spec.syncLevel() == null) {
      d.putNull("sync_level");
    } else {
      d.put("sync_level", spec.syncLevel());
    }
    d.put("verify_checksum", spec.verifyChecksum());
    d.put("preserve_timestamp", spec.preserveTimestamp());
    d.put("delete_destination_extra", spec.deleteDestinationExtra());
    d.put("skip_source_errors", spec.skipSourceErrors());
    d.put("fail_on_quota_errors", spec.failOnQuotaErrors());
    d.put("encrypt_data", spec.encryptData());
    d.put("recursive_symlinks", spec.recursiveSymlinks().name().toLowerCase(Locale.ROOT));
    d.put("files", p.files.get()).put("directories", p.directories.get());
    d.put("symlinks", p.symlinks.get()).put("files_transferred", p.filesTransferred.get());
    d.put("files_skipped", p.filesSkipped.get()).put("files_deleted", p.filesDeleted.get());
    d.put("bytes_transferred", p.bytesTransferred.get());
    d.put("bytes_checksummed", p.bytesChecksummed.get());
    long millis = Math.max(1, Duration.between(start, now).toMillis());
    d.put("duration_seconds", millis / 1000.0);
    d.put("effective_bytes_per_second", p.bytesTransferred.get() * 1000 / millis);
    d.put("faults", p.faults.get());
    switch (status) {
      case SUCCEEDED -> d.putNull("nice_status").put("is_ok", true);
      case FAILED -> d.put("nice_status", code).put("is_ok", false);
      default -> d.put("nice_status", "OK").put("is_ok", true);
    }
    if (code != null) {
      d.put("code", code).put("description", description);
    }
    ArrayNode events = d.putArray("event_list");
    for (Progress.Event e : p.events()) {
      events
          .addObject()
          .put("DATA_TYPE", "event")
          .put("code", e.code())
          .put("description", e.description())
          .put("details", e.details())
          .put("time", e.time().toString())
          .put("is_error", e.isError());
    }
    return d;
  }

  /** Events kept in stored details, oldest first, to continue a resumed task's list. */
  static List<Progress.Event> storedEvents(JsonNode details) {
    List<Progress.Event> out = new ArrayList<>();
    for (JsonNode e : details.path("event_list")) {
      out.addFirst(
          new Progress.Event(
              e.path("code").asText(),
              e.path("description").asText(),
              e.path("details").asText(null),
              Instant.parse(e.path("time").asText(Instant.EPOCH.toString())),
              e.path("is_error").asBoolean()));
    }
    return out;
  }

  static String displayStatus(ActionStatus status, String code) {
    return switch (status) {
      case ACTIVE, INACTIVE -> "Transferring";
      case SUCCEEDED -> "Succeeded";
      case FAILED -> "Failed: " + code;
    };
  }
}
