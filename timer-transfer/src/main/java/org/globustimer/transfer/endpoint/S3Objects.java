package org.globustimer.transfer.endpoint;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Whole-object writes into one s3 endpoint: single requests, multipart uploads, server copies. */
final class S3Objects implements ObjectStore {

  private static final long MIB = 1 << 20;
  private static final long PART = 16 * MIB;
  // one request holds the object in memory whole, as four parts in flight do; a server that
  // stores parts and then assembles them writes a multipart object twice
  private static final long SINGLE = 64 * MIB;
  private static final int MAX_PARTS = 10_000;
  private static final long MAX_COPY = 5L << 30;

  private final S3Client s3;
  private final S3Location at;
  private final S3Errors errors;
  private final S3KnownTimes times;
  private final S3Writes writes;

  S3Objects(S3Client s3, S3Location at, S3Errors errors, S3KnownTimes times, S3Writes writes) {
    this.s3 = s3;
    this.at = at;
    this.errors = errors;
    this.times = times;
    this.writes = writes;
  }

  @Override
  public long singleRequestLimit() {
    return SINGLE;
  }

  @Override
  public long partSize(long size) {
    long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
    return Math.max(PART, (needed + MIB - 1) / MIB * MIB);
  }

  @Override
  public void put(String rel, byte[] data, int length, Meta meta) {
    writes.writing(at.key(rel));
    try {
      String etag =
          s3.putObject(
                  r ->
                      r.bucket(at.bucket())
                          .key(at.key(rel))
                          .contentLength((long) length)
                          .contentMD5(S3Meta.md5Base64(data, length))
                          .metadata(S3Meta.of(meta)),
                  RequestBody.fromInputStream(new ByteArrayInputStream(data, 0, length), length))
              .eTag();
      times.seen(at.key(rel), etag, meta.mtime());
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  @Override
  public String startUpload(String rel, Meta meta) {
    try {
      return s3.createMultipartUpload(
              r -> r.bucket(at.bucket()).key(at.key(rel)).metadata(S3Meta.of(meta)))
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
          parts.put(p.partNumber(), S3Meta.unquote(p.eTag()));
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
      return S3Meta.unquote(
          s3.uploadPart(
                  r ->
                      r.bucket(at.bucket())
                          .key(at.key(rel))
                          .uploadId(uploadId)
                          .partNumber(number)
                          .contentLength((long) length)
                          .contentMD5(Base64.getEncoder().encodeToString(md5)),
                  RequestBody.fromInputStream(new ByteArrayInputStream(data, 0, length), length))
              .eTag());
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  @Override
  public void complete(
      String rel, String uploadId, SortedMap<Integer, String> etags, Instant mtime) {
    writes.writing(at.key(rel));
    List<CompletedPart> parts = new ArrayList<>();
    etags.forEach(
        (n, etag) ->
            parts.add(CompletedPart.builder().partNumber(n).eTag(S3Meta.quote(etag)).build()));
    try {
      String etag =
          s3.completeMultipartUpload(
                  r ->
                      r.bucket(at.bucket())
                          .key(at.key(rel))
                          .uploadId(uploadId)
                          .multipartUpload(m -> m.parts(parts)))
              .eTag();
      times.seen(at.key(rel), etag, mtime);
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
    if (!(source instanceof S3Storage from)
        || !from.location().sameServerAs(at)
        || s.size() > MAX_COPY) {
      return false;
    }
    Map<String, String> kept = new HashMap<>(S3Meta.of(meta));
    from.storedSha256(srcRel)
        .ifPresent(sha -> kept.put(S3Meta.SHA256, HexFormat.of().formatHex(sha)));
    S3Location fromAt = from.location();
    writes.writing(at.key(dstRel));
    try {
      String etag =
          s3.copyObject(
                  r ->
                      r.sourceBucket(fromAt.bucket())
                          .sourceKey(fromAt.key(srcRel))
                          .destinationBucket(at.bucket())
                          .destinationKey(at.key(dstRel))
                          .metadataDirective(MetadataDirective.REPLACE)
                          .metadata(kept))
              .copyObjectResult()
              .eTag();
      times.seen(at.key(dstRel), etag, meta.mtime());
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
}
