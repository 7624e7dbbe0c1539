package org.globustimer.server.api;

import java.util.Map;

/**
 * The longest value each request field may have, so that everything accepted fits the store and
 * every refusal is a 422 naming the field and its limit. Fields not named take {@link #TEXT}.
 */
final class Limits {

  /** A whole request body, in bytes; a larger one is refused before it is parsed. */
  static final int BODY_BYTES = 512 * 1024;

  /** Any text field without a limit of its own. */
  static final int TEXT = 1024;

  /** A query parameter's value. */
  static final int QUERY = 1024;

  static final int URL = 2048;
  static final int PATH = 4096;

  private static final Map<String, Integer> BY_FIELD =
      Map.of(
          "name",
          1024,
          "scope",
          2048,
          "callback_url",
          URL,
          "notify_webhook_url",
          URL,
          "label",
          128,
          "source_path",
          PATH,
          "destination_path",
          PATH,
          "refresh_token",
          8192);

  private Limits() {}

  static int of(String field) {
    return BY_FIELD.getOrDefault(field, TEXT);
  }
}
