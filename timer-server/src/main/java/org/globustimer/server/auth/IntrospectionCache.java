package org.globustimer.server.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A bounded, short-lived memory of introspection answers, keyed by a token's hash. */
final class IntrospectionCache {

  private record Remembered(Optional<Identity> identity, Instant until) {}

  private final Map<String, Remembered> entries;

  IntrospectionCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Empty when nothing current is remembered; else the remembered answer (itself maybe empty). */
  synchronized Optional<Optional<Identity>> get(String key, Instant now) {
    Remembered entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!now.isBefore(entry.until())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.identity());
  }

  synchronized void put(String key, Optional<Identity> identity, Instant until) {
    entries.put(key, new Remembered(identity, until));
  }
}
