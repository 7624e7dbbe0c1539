package org.globustimer.transfer.endpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * For one task on one s3 endpoint: the kept mtimes of listed objects whose ETag is the one they had
 * when we last wrote or read their metadata, so those need no {@code HEAD}. See
 * docs/decisions/s3-mtimes-from-listings.md.
 */
final class S3KnownTimes {

  private record Listed(String etag, long size) {}

  private final ObjectTimes store;
  private final String location;
  private final Map<String, Listed> listed = new ConcurrentHashMap<>();
  private final Map<String, ObjectTimes.Known> known = new ConcurrentHashMap<>();
  private final List<ObjectTimes.Change> changes = new ArrayList<>();

  S3KnownTimes(ObjectTimes store, S3Location at) {
    this.store = store;
    this.location = at.serviceUrl() + " " + at.region() + " " + at.bucket();
  }

  /** A directory's listing (keys below {@code dir}, one level): what it shows, and what went. */
  void listed(String dir, List<S3Object> objects) {
    listed(dir, objects, store.load(location, dir));
  }

  private void listed(String dir, List<S3Object> objects, Map<String, ObjectTimes.Known> kept) {
    Set<String> names = new HashSet<>();
    for (S3Object o : objects) {
      listed.put(o.key(), new Listed(S3Meta.unquote(o.eTag()), o.size()));
      String name = o.key().substring(dir.length());
      names.add(name);
      ObjectTimes.Known k = kept.get(name);
      if (k != null) {
        known.putIfAbsent(o.key(), k);
      }
    }
    for (String name : kept.keySet()) {
      if (!names.contains(name)) {
        change(new ObjectTimes.Change(dir, name, null));
      }
    }
  }

  /** The object's entry from its listing, when its ETag there is the one its mtime is known for. */
  Entry fromListing(String key, String name) {
    Listed l = listed.get(key);
    ObjectTimes.Known k = known.get(key);
    if (l == null || k == null || l.etag() == null || !l.etag().equals(k.etag())) {
      return null;
    }
    return new Entry(name, Entry.Type.FILE, l.size(), k.mtime(), 0644);
  }

  /** The object under {@code key} has {@code etag} and keeps {@code mtime} (null: none kept). */
  void seen(String key, String etag, Instant mtime) {
    if (etag == null || mtime == null) {
      return;
    }
    ObjectTimes.Known k = new ObjectTimes.Known(S3Meta.unquote(etag), mtime);
    if (k.equals(known.put(key, k))) {
      return;
    }
    int slash = key.lastIndexOf('/') + 1;
    change(new ObjectTimes.Change(key.substring(0, slash), key.substring(slash), k));
  }

  private synchronized void change(ObjectTimes.Change c) {
    changes.add(c);
  }

  /** Keeps what changed; done when the task's storage closes. */
  synchronized void save() {
    if (!changes.isEmpty()) {
      store.save(location, List.copyOf(changes));
      changes.clear();
    }
  }
}
