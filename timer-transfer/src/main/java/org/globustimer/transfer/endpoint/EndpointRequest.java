package org.globustimer.transfer.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.globustimer.core.json.Json;
import org.globustimer.core.secret.Sealer;
import org.globustimer.transfer.TransferException;

/** Validates a create-endpoint body and turns it into an endpoint with sealed credentials. */
final class EndpointRequest {

  /** The longest each text field may be (the store's columns hold them); others take 255. */
  private static final java.util.Map<String, Integer> LIMITS =
      java.util.Map.of(
          "root", 4096,
          "password", 1024,
          "private_key", 8192,
          "service_url", 2048,
          "secret_access_key", 1024,
          "session_token", 8192);

  private final Storages storages;
  private final Sealer cipher;
  private final Clock clock;
  private final S3Request s3;

  EndpointRequest(Storages storages, Sealer cipher, Clock clock) {
    this.storages = storages;
    this.cipher = cipher;
    this.clock = clock;
    this.s3 = new S3Request(cipher, storages.hostCredentials());
  }

  Endpoint toEndpoint(String owner, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw TransferException.badRequest("the request body must be a JSON object");
    }
    String name = text(body, "display_name", true);
    String type = text(body, "type", true).toLowerCase(Locale.ROOT);
    String id = UUID.randomUUID().toString();
    return switch (type) {
      case "posix" -> posix(owner, id, name, body);
      case "sftp" -> sftp(owner, id, name, body);
      case "s3" -> s3.toEndpoint(owner, id, name, body, clock.instant());
      default ->
          throw TransferException.validation("type", "must be \"posix\", \"sftp\" or \"s3\"");
    };
  }

  private Endpoint posix(String owner, String id, String name, JsonNode body) {
    String root = text(body, "root", true);
    Path p = Path.of(root);
    if (!p.isAbsolute() || root.contains("..")) {
      throw TransferException.validation("root", "must be an absolute local path without '..'");
    }
    if (!Files.isDirectory(p)) {
      throw TransferException.validation("root", "not an existing directory: " + root);
    }
    try {
      Path real = p.toRealPath();
      boolean allowed = storages.allowedRoots().stream().anyMatch(r -> real.startsWith(realOf(r)));
      if (!allowed) {
        throw TransferException.validation(
            "root", "outside the directories this service may serve: " + root);
      }
      return new Endpoint(
          id,
          owner,
          name,
          Endpoint.Kind.POSIX,
          real.toString(),
          null,
          null,
          null,
          null,
          clock.instant(),
          null,
          null);
    } catch (IOException e) {
      throw TransferException.validation("root", "cannot be resolved: " + root);
    }
  }

  private static Path realOf(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return root.toAbsolutePath().normalize();
    }
  }

  private Endpoint sftp(String owner, String id, String name, JsonNode body) {
    String host = text(body, "host", true);
    int port = 22;
    if (body.hasNonNull("port")) {
      if (!body.get("port").canConvertToInt()
          || body.get("port").asInt() < 1
          || body.get("port").asInt() > 65535) {
        throw TransferException.validation("port", "must be an integer from 1 to 65535");
      }
      port = body.get("port").asInt();
    }
    String username = text(body, "username", true);
    String root = body.hasNonNull("root") ? text(body, "root", true) : "/";
    if (!root.startsWith("/") || root.contains("..")) {
      throw TransferException.validation("root", "must be an absolute remote path without '..'");
    }
    String password = body.hasNonNull("password") ? text(body, "password", true) : null;
    String key = body.hasNonNull("private_key") ? text(body, "private_key", true) : null;
    if (password == null && key == null) {
      throw TransferException.validation("password", "password or private_key is required");
    }
    if (key != null) {
      Storages.parseKeys(key);
    }
    var secret = Json.mapper().createObjectNode();
    secret.put("password", password).put("private_key", key);
    return new Endpoint(
        id,
        owner,
        name,
        Endpoint.Kind.SFTP,
        root,
        host,
        port,
        username,
        cipher.seal(secret.toString()),
        clock.instant(),
        null,
        null);
  }

  static String text(JsonNode body, String field, boolean required) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw TransferException.validation(field, "field required");
      }
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw TransferException.validation(field, "must be a non-empty string");
    }
    int limit = LIMITS.getOrDefault(field, 255);
    if (v.asText().length() > limit) {
      throw TransferException.tooLong(java.util.List.of("body", field), limit);
    }
    return v.asText();
  }
}
