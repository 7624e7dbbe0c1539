package org.globustimer.transfer.endpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Keys below a prefix seen as directory entries: one level per listing, '/' the separator. */
final class S3Listing {

  private final S3Client s3;
  private final S3Location at;
  private final S3Errors errors;
  private final S3KnownTimes times;

  S3Listing(S3Client s3, S3Location at, S3Errors errors, S3KnownTimes times) {
    this.s3 = s3;
    this.at = at;
    this.errors = errors;
    this.times = times;
  }

  /** The key prefix of a directory, ending in '/' (the root's is the endpoint's prefix). */
  String dirKey(String rel) {
    return rel.isEmpty() ? at.prefix() : at.key(rel) + "/";
  }

  List<Entry> list(String rel) {
    String dir = dirKey(rel);
    List<Entry> out = new ArrayList<>();
    List<S3Object> objects = new ArrayList<>();
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(at.bucket()).prefix(dir).delimiter("/").build();
    try {
      for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
        for (S3Object o : page.contents()) {
          String name = o.key().substring(dir.length());
          if (!name.isEmpty()) {
            out.add(new Entry(name, Entry.Type.FILE, o.size(), o.lastModified(), 0644));
            objects.add(o);
          }
        }
        for (CommonPrefix p : page.commonPrefixes()) {
          String name = p.prefix().substring(dir.length(), p.prefix().length() - 1);
          if (!name.isEmpty()) {
            out.add(directory(name));
          }
        }
      }
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
    times.listed(dir, objects);
    out.sort(Comparator.comparing(Entry::name));
    return out;
  }

  /**
   * Every directory below {@code rel} from one listing without a delimiter (a request per 1,000
   * keys instead of one per directory), by directory key, each as {@link #list} would answer it;
   * null when there are more than {@code max} keys.
   */
  Map<String, List<Entry>> tree(String rel, int max) {
    String root = dirKey(rel);
    Map<String, List<Entry>> dirs = new HashMap<>();
    Map<String, List<S3Object>> objects = new HashMap<>();
    dirs.put(root, new ArrayList<>());
    int count = 0;
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(at.bucket()).prefix(root).build();
    try {
      for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
        for (S3Object o : page.contents()) {
          if (++count > max) {
            return null;
          }
          place(root, o, dirs, objects);
        }
      }
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
    times.listedTree(root, objects);
    dirs.values().forEach(l -> l.sort(Comparator.comparing(Entry::name)));
    return dirs;
  }

  /** Enters a key's directories (each once) and, unless it ends in '/', the object itself. */
  private static void place(
      String root, S3Object o, Map<String, List<Entry>> dirs, Map<String, List<S3Object>> objects) {
    String dir = root;
    String rest = o.key().substring(root.length());
    for (int slash; (slash = rest.indexOf('/')) >= 0; ) {
      String name = rest.substring(0, slash);
      if (name.isEmpty()) {
        return; // "a//b": a delimited listing shows nothing below the empty name either
      }
      String child = dir + name + "/";
      if (!dirs.containsKey(child)) {
        dirs.put(child, new ArrayList<>());
        dirs.get(dir).add(directory(name));
      }
      dir = child;
      rest = rest.substring(slash + 1);
    }
    if (!rest.isEmpty()) {
      dirs.get(dir).add(new Entry(rest, Entry.Type.FILE, o.size(), o.lastModified(), 0644));
      objects.computeIfAbsent(dir, d -> new ArrayList<>()).add(o);
    }
  }

  /** Whether any key lies below the directory {@code rel}. */
  boolean hasKeysBelow(String rel) {
    try {
      ListObjectsV2Response below =
          s3.listObjectsV2(r -> r.bucket(at.bucket()).prefix(dirKey(rel)).maxKeys(1));
      return !below.contents().isEmpty();
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  static Entry directory(String name) {
    return new Entry(name, Entry.Type.DIR, 0, Instant.EPOCH, 0755);
  }

  /** A file's entry: its time is the kept mtime, or the upload time when none was kept. */
  static Entry file(String name, HeadObjectResponse h) {
    Instant kept = S3Times.parse(h.metadata().get(S3Meta.MTIME));
    Instant modified = kept != null ? kept : h.lastModified();
    return new Entry(name, Entry.Type.FILE, h.contentLength(), modified, 0644);
  }
}
