package org.globustimer.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * The entry of the token cache to use, under {@code key} (null for a token at the top level): the
 * one {@code session login} writes, then one naming the timer service, then the first with a token.
 */
record CacheEntry(String key, JsonNode entry) {

  static Optional<CacheEntry> choose(ObjectNode root) {
    String chosenKey = null;
    JsonNode chosen = null;
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      if (!entry.getValue().path("access_token").isTextual()) {
        continue;
      }
      boolean better =
          chosen == null
              || entry.getKey().equals(TokenFile.ENTRY)
              || (!TokenFile.ENTRY.equals(chosenKey) && entry.getKey().contains("timer"));
      if (better) {
        chosenKey = entry.getKey();
        chosen = entry.getValue();
      }
    }
    if (root.path("access_token").isTextual()) {
      chosenKey = null;
      chosen = root;
    }
    return chosen == null ? Optional.empty() : Optional.of(new CacheEntry(chosenKey, chosen));
  }
}
