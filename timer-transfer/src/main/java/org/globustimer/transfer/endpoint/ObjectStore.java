package org.globustimer.transfer.endpoint;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes of whole objects, for storage without rename: an object appears under its key only when
 * complete, in one request or as a multipart upload. Every part is sent with its MD5 so the server
 * refuses bytes that changed on the way.
 */
public interface ObjectStore {

  /** What is stored with an object: the source's mtime (when kept) and the content's SHA-256. */
  record Meta(Instant mtime, byte[] sha256) {}

  /** Objects up to this size go in one request. */
  long singleRequestLimit();

  /** The part size for an object of {@code size} bytes. */
  long partSize(long size);

  void put(String rel, byte[] data, int length, Meta meta);

  /** Starts a multipart upload and answers its id. */
  String startUpload(String rel, Meta meta);

  /** The parts an upload holds (number to ETag, MD5 hex), or null when the upload is gone. */
  Map<Integer, String> storedParts(String rel, String uploadId);

  /** Stores one part and answers its ETag. */
  String putPart(String rel, String uploadId, int number, byte[] data, int length, byte[] md5);

  /**
   * Completes an upload. {@code mtime} is the one kept in the metadata it was started with (null:
   * none), as a resumed upload's source is the one it was started for, unchanged.
   */
  void complete(String rel, String uploadId, SortedMap<Integer, String> etags, Instant mtime);

  /** Aborts an upload; one that is gone already is no failure. */
  void abort(String rel, String uploadId);

  /**
   * Copies an object of another endpoint on the same server without the bytes leaving it; answers
   * false when the source is elsewhere or the server cannot, so the caller streams instead.
   */
  boolean copyWithin(Storage source, String srcRel, Entry s, String dstRel, Meta meta);
}
