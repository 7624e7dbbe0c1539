package org.globustimer.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** What a running local service records in {@code server.json}. */
public record ServerState(
    long pid,
    URI url,
    int port,
    String bind,
    String nodeId,
    String startedAt,
    String version,
    String systemdUnit) {

  static ServerState from(JsonNode json) {
    String url = json.path("url").asText(null);
    long pid = json.path("pid").asLong(-1);
    if (url == null || pid <= 0) {
      throw new IllegalArgumentException("server.json lacks pid or url");
    }
    return new ServerState(
        pid,
        URI.create(url),
        json.path("port").asInt(URI.create(url).getPort()),
        json.path("bind").asText(null),
        json.path("node_id").asText(null),
        json.path("started_at").asText(null),
        json.path("version").asText(null),
        json.path("systemd_unit").asText(null));
  }

  boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
