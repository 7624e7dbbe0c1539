package org.globustimer.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.globustimer.cli.CliException;

/**
 * The token cache in {@code ~/.config/globus/tokens.json}: an object whose entries (one per
 * resource server) carry an {@code access_token}. The entry {@code session login} writes is
 * preferred, then one naming the timer service, then the first with a token. An access token that
 * expires within a minute is refreshed first when the entry has a refresh token.
 */
public final class TokenCache implements TokenSource {

  private static final Duration EARLY = Duration.ofSeconds(60);

  private final TokenFile file;
  private final Clock clock;

  public TokenCache(Path file) {
    this(file, Clock.systemUTC());
  }

  TokenCache(Path file, Clock clock) {
    this.file = new TokenFile(file);
    this.clock = clock;
  }

  public Path file() {
    return file.path();
  }

  @Override
  public Optional<String> token() {
    Optional<CacheEntry> found = CacheEntry.choose(file.read());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String chosenKey = found.get().key();
    JsonNode chosen = found.get().entry();
    long expires = chosen.path("expires_at_seconds").asLong(0);
    long now = clock.instant().getEpochSecond();
    if (expires > 0 && now + EARLY.toSeconds() >= expires) {
      if (TokenFile.ENTRY.equals(chosenKey) && canRefresh(chosen)) {
        return Optional.of(refresh((ObjectNode) chosen));
      }
      if (now >= expires) {
        throw new CliException(
            "the cached token in "
                + file.path()
                + " has expired; run 'globus-timer session login' (or set GLOBUS_TIMER_TOKEN)");
      }
    }
    return Optional.of(chosen.get("access_token").asText());
  }

  private static boolean canRefresh(JsonNode entry) {
    return entry.path("refresh_token").isTextual()
        && entry.path("token_endpoint").isTextual()
        && entry.path("client_id").isTextual();
  }

  private String refresh(ObjectNode entry) {
    ObjectNode fresh;
    try {
      fresh =
          new OAuthClient(clock)
              .refresh(
                  URI.create(entry.get("token_endpoint").asText()),
                  entry.get("client_id").asText(),
                  entry.get("refresh_token").asText());
    } catch (CliException e) {
      throw new CliException(e.getMessage() + "; run 'globus-timer session login'", e);
    }
    ObjectNode updated = entry.deepCopy();
    updated.setAll(fresh);
    file.writeEntry(updated);
    return updated.get("access_token").asText();
  }

  @Override
  public String hint() {
    return "run 'globus-timer session login' (or set GLOBUS_TIMER_TOKEN to an access token for"
        + " this service)";
  }

  @Override
  public String describe() {
    return "the token cache " + file.path();
  }
}
