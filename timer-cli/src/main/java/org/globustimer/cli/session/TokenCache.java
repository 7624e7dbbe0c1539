package org.globustimer.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.globustimer.cli.CliException;
import org.globustimer.core.json.Json;

/**
 * The token cache the seed CLI kept in {@code ~/.config/globus/tokens.json}: an object whose
 * entries (one per resource server) carry an {@code access_token}. An entry naming the timer
 * service is preferred; otherwise the first entry with a token is used.
 */
public record TokenCache(Path file) implements TokenSource {

  @Override
  public Optional<String> token() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw corrupt();
    }
    if (root == null || !root.isObject()) {
      throw corrupt();
    }
    JsonNode chosen = null;
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      JsonNode token = entry.getValue().path("access_token");
      if (token.isTextual() && (chosen == null || entry.getKey().contains("timer"))) {
        chosen = entry.getValue();
      }
    }
    if (root.path("access_token").isTextual()) {
      chosen = root;
    }
    if (chosen == null) {
      return Optional.empty();
    }
    long expires = chosen.path("expires_at_seconds").asLong(0);
    if (expires > 0 && expires * 1000 < System.currentTimeMillis()) {
      throw new CliException(
          "the cached token in " + file + " has expired; set GLOBUS_TIMER_TOKEN to a new one");
    }
    return Optional.of(chosen.get("access_token").asText());
  }

  private CliException corrupt() {
    return new CliException(
        file
            + " is not a readable token cache; delete it and set GLOBUS_TIMER_TOKEN (or run"
            + " 'globus-timer session login')");
  }

  @Override
  public String hint() {
    return "set GLOBUS_TIMER_TOKEN to an access token for this service";
  }

  @Override
  public String describe() {
    return "the token cache " + file;
  }
}
