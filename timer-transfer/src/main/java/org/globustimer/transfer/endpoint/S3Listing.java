package org.globustimer.transfer.endpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

  S3Listing(S3Client s3, S3Location at, S3Errors errors) {
    this.s3 = s3;
    this.at = at;
    this.errors = errors;
  }

  /** The key prefix of a directory, ending in '/' (the root's is the endpoint's prefix). */
  String dirKey(String rel) {
    return rel.isEmpty() ? at.prefix() : at.key(rel) + "/";
  }

  /** One directory's listing: its entries by name, and the objects among them as listed. */
  record Page(String dir, List<Entry> entries, List<S3Object> objects, boolean anyKey) {}

  /** The keys one level below the directory {@code rel}, with '/' as the delimiter. */
  Page list(String rel) {
    String dir = dirKey(rel);
    List<Entry> out = new ArrayList<>();
    List<S3Object> objects = new ArrayList<>();
    boolean any = false;
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(at.bucket()).prefix(dir).delimiter("/").build();
    try {
      for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
        any |= !page.contents().isEmpty() || !page.commonPrefixes().isEmpty();
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
    out.sort(Comparator.comparing(Entry::name));
    return new Page(dir, out, objects, any);
  }

  /** Whether any key lies below the directory {@code rel}. */
  boolean hasKeysBelow(String rel) {
    try {
      return anyBelow(s3, at.bucket(), dirKey(rel));
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  /**
   * Whether any key starts with {@code prefix}, from a listing of one entry. The delimiter matters:
   * without one, some servers (s3proxy's directory store) walk every key below the prefix first.
   */
  static boolean anyBelow(S3Client s3, String bucket, String prefix) {
    ListObjectsV2Response r =
        s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).delimiter("/").maxKeys(1));
    return !r.contents().isEmpty() || !r.commonPrefixes().isEmpty();
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
