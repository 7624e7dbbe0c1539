package org.globustimer.transfer.endpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK clients of s3 endpoints, kept between the tasks that open them. Building a client and its
 * first request (a new connection, and the SDK's own set-up for a client) cost a task about as much
 * as the rest of an unchanged re-sync of a few objects; a kept client answers the next task's probe
 * on a connection already open. A client is kept for exactly what it was built from (location,
 * keys), so changed settings or credentials get a new one; one unused for a minute is closed at the
 * next opening, one whose probe failed when its last user lets it go.
 */
final class S3ClientCache implements AutoCloseable {

  private static final long IDLE_NANOS = 60_000_000_000L;

  /** What a client is built from; never printed, as it holds the secret. */
  private record Key(S3Location at, String accessKey, String secretKey, String sessionToken) {
    @Override
    public String toString() {
      return "client for " + at.display();
    }
  }

  private static final class Held {
    final S3Client client;
    int users;
    long idleSince;
    private boolean closed;

    Held(S3Client client) {
      this.client = client;
    }

    /** Once: a storage may let its client go after the cache itself was closed. */
    void close() {
      if (!closed) {
        closed = true;
        client.close();
      }
    }
  }

  /** One storage's use of a client. */
  final class Lease {
    private final Key key;
    private final Held held;
    private boolean released;

    private Lease(Key key, Held held) {
      this.key = key;
      this.held = held;
    }

    S3Client client() {
      return held.client;
    }

    /** The client is not handed to anyone else; it closes once no storage uses it. */
    void forget() {
      synchronized (S3ClientCache.this) {
        kept.remove(key, held);
      }
    }

    void release() {
      synchronized (S3ClientCache.this) {
        if (released) {
          return;
        }
        released = true;
        held.users--;
        held.idleSince = System.nanoTime();
        if (held.users == 0 && kept.get(key) != held) {
          held.close();
        }
      }
    }
  }

  private final Map<Key, Held> kept = new HashMap<>();

  /** {@code secretKey} and {@code sessionToken} are used with KEYS credentials only. */
  synchronized Lease take(S3Location at, String accessKey, String secretKey, String sessionToken) {
    closeIdle();
    Key key = new Key(at, accessKey, secretKey, sessionToken);
    Held held = kept.get(key);
    if (held == null) {
      held = new Held(S3Clients.build(at, accessKey, secretKey, sessionToken));
      kept.put(key, held);
    }
    held.users++;
    return new Lease(key, held);
  }

  private void closeIdle() {
    long now = System.nanoTime();
    List<Key> idle = new ArrayList<>();
    kept.forEach(
        (key, held) -> {
          if (held.users == 0 && now - held.idleSince > IDLE_NANOS) {
            idle.add(key);
          }
        });
    for (Key key : idle) {
      kept.remove(key).close();
    }
  }

  @Override
  public synchronized void close() {
    kept.values().forEach(Held::close);
    kept.clear();
  }
}
