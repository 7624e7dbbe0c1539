package org.globustimer.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.globustimer.server.store.TimerStore;

/**
 * The embedded service's one identity: a random token written at first start to {@code token} in
 * the home (mode 0600) for the CLI to read; the database keeps only its SHA-256.
 */
public final class LocalTokens implements Authenticator {

  static final String IDENTITY_PROVIDER = "local";

  private static final String PRINCIPAL_PREFIX = "urn:globus:auth:identity:";

  private final TimerStore store;

  /** Tokens found in the store (it never removes one), so a request does not read the database. */
  private final Map<String, Identity> known = new ConcurrentHashMap<>();

  private LocalTokens(TimerStore store) {
    this.store = store;
  }

  /** Makes sure the home holds a token the database knows, creating both on first start. */
  public static LocalTokens prepare(TimerStore store, Path home, Clock clock) {
    Path tokenFile = home.resolve("token");
    try {
      String token = Files.isRegularFile(tokenFile) ? Files.readString(tokenFile).trim() : null;
      if (token == null || token.isEmpty() || !isKnown(store, token)) {
        token = newToken();
        String principal =
            store
                .read(tx -> tx.localTokens().anyIdentity())
                .map(found -> found[0])
                .orElse(PRINCIPAL_PREFIX + UUID.randomUUID());
        String username = System.getProperty("user.name", IDENTITY_PROVIDER) + "@localhost";
        String hash = hash(token);
        store.inTransaction(
            tx -> {
              tx.localTokens().insert(hash, principal, username, clock.instant());
              return null;
            });
        writePrivately(tokenFile, token);
      }
      return new LocalTokens(store);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the local token in " + tokenFile, e);
    }
  }

  @Override
  public Optional<Identity> authenticate(String bearerToken) {
    String hash = hash(bearerToken);
    Identity cached = known.get(hash);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Identity> found =
        store
            .read(tx -> tx.localTokens().find(hash))
            .map(row -> new Identity(row[0], row[1], IDENTITY_PROVIDER));
    found.ifPresent(identity -> known.put(hash, identity));
    return found;
  }

  /** The identity of the local user, for registering the local endpoints. */
  public Identity localIdentity() {
    String[] found = store.read(tx -> tx.localTokens().anyIdentity()).orElseThrow();
    return new Identity(found[0], found[1], IDENTITY_PROVIDER);
  }

  private static boolean isKnown(TimerStore store, String token) {
    return store.read(tx -> tx.localTokens().find(hash(token))).isPresent();
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static void writePrivately(Path file, String token) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling("token.new");
    Files.deleteIfExists(temp);
    try {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(temp);
    }
    Files.writeString(temp, token + "\n", StandardOpenOption.TRUNCATE_EXISTING);
    Files.move(
        temp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
