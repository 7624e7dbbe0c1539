package org.globustimer.transfer.endpoint;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Deletes an object and every key below it (a directory), a page of keys per request. */
final class S3Deletes {

  private final S3Client s3;
  private final S3Location at;
  private final S3Errors errors;
  private final S3Listing listing;
  private volatile boolean batchDeletes = true;
  // DeleteObjects takes up to 1,000 keys
  private static final int PAGE = 1000;

  S3Deletes(S3Client s3, S3Location at, S3Errors errors, S3Listing listing) {
    this.s3 = s3;
    this.at = at;
    this.errors = errors;
    this.listing = listing;
  }

  void delete(String rel) {
    try {
      List<ObjectIdentifier> batch = new ArrayList<>();
      deleteBelow(listing.dirKey(rel), batch);
      deleteAll(batch);
      // last: a directory store answers for a name that still has keys below it only slowly
      s3.deleteObject(r -> r.bucket(at.bucket()).key(at.key(rel)));
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  /**
   * Every key below the directory key {@code dir}, a directory per listing: a listing without a
   * delimiter would make some servers (s3proxy's directory store) walk every key below the prefix
   * for each page. Keys go in batches of up to {@link #PAGE} as they are listed.
   */
  private void deleteBelow(String dir, List<ObjectIdentifier> batch) {
    List<String> subdirs = new ArrayList<>();
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(at.bucket()).prefix(dir).delimiter("/").build();
    for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
      for (S3Object o : page.contents()) {
        batch.add(ObjectIdentifier.builder().key(o.key()).build());
        if (batch.size() == PAGE) {
          deleteAll(batch);
        }
      }
      page.commonPrefixes().forEach(p -> subdirs.add(p.prefix()));
    }
    for (String sub : subdirs) {
      deleteBelow(sub, batch);
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
}
