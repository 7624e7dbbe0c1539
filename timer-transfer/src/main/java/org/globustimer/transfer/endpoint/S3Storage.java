package org.globustimer.transfer.endpoint;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.globustimer.transfer.TransferException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The objects of one bucket below a key prefix, seen as a tree: '/' in keys separates directories,
 * and a directory exists while some key lies below it. Modification times are kept in the {@code
 * mtime} metadata (seconds with a fraction, as rclone writes it), content SHA-256 in {@code
 * sha256}.
 */
final class S3Storage implements Storage, ObjectStore {

  static final String MTIME = "mtime";
  static final String SHA256 = "sha256";
  private static final long MIB = 1 << 20;
  private static final long PART = 16 * MIB;
  private static final int MAX_PARTS = 10_000;
  private static final long MAX_COPY = 5L << 30;

  private final S3Client s3;
  private final S3Location at;
  private final S3Errors errors;
  private volatile boolean batchDeletes = true;

  S3Storage(S3Client s3, S3Location at, String server) {
    this.s3 = s3;
    this.at = at;
    this.errors = new S3Errors(at, server);
  }

  /** Checks at once that the bucket exists and the credentials are accepted. */
  void probe() {
    try {
      s3.listObjectsV2(r -> r.bucket(at.bucket()).prefix(at.prefix()).maxKeys(1));
    } catch (SdkException e) {
      throw errors.map(e, "/");
    }
  }

  S3Location location() {
    return at;
  }

  private String dirKey(String rel) {
    return rel.isEmpty() ? at.prefix() : at.key(rel) + "/";
  }

  @Override
  public String homeRel() {
    return "";
  }

  @Override
  public void ensureInside(String rel) {
    // keys are plain strings below the prefix: there are no links to lead elsewhere
  }

  @Override
  public Entry stat(String rel, boolean follow) {
    if (rel.isEmpty()) {
      return directory("/");
    }
    try {
      return file(UserPaths.name(rel), head(rel));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw errors.map(e, "/" + rel);
      }
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
    try {
      ListObjectsV2Response below =
          s3.listObjectsV2(r -> r.bucket(at.bucket()).prefix(dirKey(rel)).maxKeys(1));
      return below.contents().isEmpty() ? null : directory(UserPaths.name(rel));
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  private HeadObjectResponse head(String rel) {
    return s3.headObject(r -> r.bucket(at.bucket()).key(at.key(rel)));
  }

  private static Entry directory(String name) {
    return new Entry(name, Entry.Type.DIR, 0, Instant.EPOCH, 0755);
  }

  private static Entry file(String name, HeadObjectResponse h) {
    Instant kept = S3Times.parse(h.metadata().get(MTIME));
    Instant modified = kept != null ? kept : h.lastModified();
    return new Entry(name, Entry.Type.FILE, h.contentLength(), modified, 0644);
  }

  @Override
  public List<Entry> list(String rel) {
    String dir = dirKey(rel);
    List<Entry> out = new ArrayList<>();
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(at.bucket()).prefix(dir).delimiter("/").build();
    try {
      for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
        for (S3Object o : page.contents()) {
          String name = o.key().substring(dir.length());
          if (!name.isEmpty()) {
            out.add(new Entry(name, Entry.Type.FILE, o.size(), o.lastModified(), 0644));
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
    return out;
  }

  @Override
  public boolean remoteMetadata() {
    return true;
  }

  @Override
  public Entry exact(String rel, Entry listed) {
    if (listed.isDir()) {
      return listed;
    }
    Entry e = stat(rel, true);
    if (e == null) {
      throw IoErrors.notFound("/" + rel);
    }
    return e;
  }

  @Override
  public Optional<byte[]> storedSha256(String rel) {
    try {
      String hex = head(rel).metadata().get(SHA256);
      return hex == null || hex.length() != 64
          ? Optional.empty()
          : Optional.of(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  @Override
  public InputStream openRead(String rel) {
    try {
      return s3.getObject(r -> r.bucket(at.bucket()).key(at.key(rel)));
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  @Override
  public OutputStream openWrite(String rel) {
    // AtomicWrite sends objects through objects(); a stream of unknown length has no place here
    throw new TransferException(
        "NOT_SUPPORTED", 500, "s3 objects are written whole, not as streams: /" + rel);
  }

  @Override
  public void rename(String from, String to) {
    copyObject(at.key(from), to, null);
    delete(from);
  }

  @Override
  public void setModified(String rel, Instant time) {
    Map<String, String> meta = new HashMap<>();
    try {
      meta.putAll(head(rel).metadata());
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
    meta.put(MTIME, S3Times.format(time));
    copyObject(at.key(rel), rel, meta);
  }

  private void copyObject(String sourceKey, String toRel, Map<String, String> replaced) {
    try {
      s3.copyObject(
          r -> {
            r.sourceBucket(at.bucket())
                .sourceKey(sourceKey)
                .destinationBucket(at.bucket())
                .destinationKey(at.key(toRel));
            if (replaced != null) {
              r.metadataDirective(MetadataDirective.REPLACE).metadata(replaced);
            }
          });
    } catch (SdkException e) {
      throw errors.map(e, "/" + toRel);
    }
  }

  @Override
  public void mkdirs(String rel) {
    // directories are implied by the keys below them
  }

  @Override
  public void delete(String rel) {
    try {
      s3.deleteObject(r -> r.bucket(at.bucket()).key(at.key(rel)));
      List<ObjectIdentifier> batch = new ArrayList<>();
      ListObjectsV2Request below =
          ListObjectsV2Request.builder().bucket(at.bucket()).prefix(dirKey(rel)).build();
      for (ListObjectsV2Response page : s3.listObjectsV2Paginator(below)) {
        for (S3Object o : page.contents()) {
          batch.add(ObjectIdentifier.builder().key(o.key()).build());
        }
        deleteAll(batch);
      }
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  private void deleteAll(List<ObjectIdentifier> keys) {
    if (keys.isEmpty()) {
      return;
    }
    List<ObjectIdentifier> batch = List.copyOf(keys);
    keys.clear();
    if (batchDeletes) {
      try {
        s3.deleteObjects(r -> r.bucket(at.bucket()).delete(d -> d.objects(batch).quiet(true)));
        return;
      } catch (S3Exception e) {
        if (e.statusCode() != 501) {
          throw e;
        }
        // some S3-compatible servers lack the batch call (or the checksum it must carry)
        batchDeletes = false;
      }
    }
    for (ObjectIdentifier key : batch) {
      s3.deleteObject(r -> r.bucket(at.bucket()).key(key.key()));
    }
  }

  @Override
  public void symlink(String rel, String target) {
    throw new TransferException(
        "NOT_SUPPORTED",
        400,
        "s3 endpoints hold no symbolic links: /"
            + rel
            + "; set recursive_symlinks to \"copy\" or \"ignore\"");
  }

  @Override
  public String readLink(String rel) {
    throw IoErrors.notFound("/" + rel + " (not a symbolic link)");
  }

  @Override
  public String realPath(String rel) {
    return at.display() + rel;
  }

  @Override
  public Optional<ObjectStore> objects() {
    return Optional.of(this);
  }

  @Override
  public long singleRequestLimit() {
    return PART;
  }

  @Override
  public long partSize(long size) {
    long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
    return Math.max(PART, (needed + MIB - 1) / MIB * MIB);
  }

  @Override
  public void put(String rel, byte[] data, int length, Meta meta) {
    try {
      s3.putObject(
          r ->
              r.bucket(at.bucket())
                  .key(at.key(rel))
                  .contentLength((long) length)
                  .contentMD5(md5Base64(data, length))
                  .metadata(metadata(meta)),
          RequestBody.fromInputStream(new java.io.ByteArrayInputStream(data, 0, length), length));
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  @Override
  public String startUpload(String rel, Meta meta) {
    try {
      return s3.createMultipartUpload(
              r -> r.bucket(at.bucket()).key(at.key(rel)).metadata(metadata(meta)))
          .uploadId();
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  @Override
  public Map<Integer, String> storedParts(String rel, String uploadId) {
    Map<Integer, String> parts = new HashMap<>();
    try {
      for (var page :
          s3.listPartsPaginator(r -> r.bucket(at.bucket()).key(at.key(rel)).uploadId(uploadId))) {
        for (Part p : page.parts()) {
          parts.put(p.partNumber(), unquote(p.eTag()));
        }
      }
      return parts;
    } catch (NoSuchUploadException e) {
      return null;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return null;
      }
      throw errors.map(e, "/" + rel);
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  @Override
  public String putPart(
      String rel, String uploadId, int number, byte[] data, int length, byte[] md5) {
    try {
      return unquote(
          s3.uploadPart(
                  r ->
                      r.bucket(at.bucket())
                          .key(at.key(rel))
                          .uploadId(uploadId)
                          .partNumber(number)
                          .contentLength((long) length)
                          .contentMD5(Base64.getEncoder().encodeToString(md5)),
                  RequestBody.fromInputStream(
                      new java.io.ByteArrayInputStream(data, 0, length), length))
              .eTag());
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  @Override
  public void complete(String rel, String uploadId, SortedMap<Integer, String> etags) {
    List<CompletedPart> parts = new ArrayList<>();
    etags.forEach(
        (n, etag) -> parts.add(CompletedPart.builder().partNumber(n).eTag(quote(etag)).build()));
    try {
      s3.completeMultipartUpload(
          r ->
              r.bucket(at.bucket())
                  .key(at.key(rel))
                  .uploadId(uploadId)
                  .multipartUpload(m -> m.parts(parts)));
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  @Override
  public void abort(String rel, String uploadId) {
    try {
      s3.abortMultipartUpload(r -> r.bucket(at.bucket()).key(at.key(rel)).uploadId(uploadId));
    } catch (NoSuchUploadException e) {
      // gone already
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw errors.map(e, "/" + rel);
      }
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  @Override
  public boolean copyWithin(Storage source, String srcRel, Entry s, String dstRel, Meta meta) {
    if (!(source instanceof S3Storage from) || !from.at.sameServerAs(at) || s.size() > MAX_COPY) {
      return false;
    }
    Map<String, String> kept = new HashMap<>(metadata(meta));
    from.storedSha256(srcRel).ifPresent(sha -> kept.put(SHA256, HexFormat.of().formatHex(sha)));
    try {
      s3.copyObject(
          r ->
              r.sourceBucket(from.at.bucket())
                  .sourceKey(from.at.key(srcRel))
                  .destinationBucket(at.bucket())
                  .destinationKey(at.key(dstRel))
                  .metadataDirective(MetadataDirective.REPLACE)
                  .metadata(kept));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 403 || e.statusCode() == 501) {
        // this endpoint's credentials may not read the other bucket: stream through us instead
        return false;
      }
      throw errors.map(e, "/" + dstRel);
    } catch (SdkException e) {
      throw errors.map(e, "/" + dstRel);
    }
  }

  private static Map<String, String> metadata(Meta meta) {
    Map<String, String> m = new HashMap<>();
    if (meta.mtime() != null) {
      m.put(MTIME, S3Times.format(meta.mtime()));
    }
    if (meta.sha256() != null) {
      m.put(SHA256, HexFormat.of().formatHex(meta.sha256()));
    }
    return m;
  }

  private static String md5Base64(byte[] data, int length) {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
      md.update(data, 0, length);
      return Base64.getEncoder().encodeToString(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw TransferException.internal("MD5 unavailable", e);
    }
  }

  private static String unquote(String etag) {
    return etag == null ? null : etag.replace("\"", "");
  }

  private static String quote(String etag) {
    return "\"" + etag + "\"";
  }

  @Override
  public void close() {
    s3.close();
  }
}
