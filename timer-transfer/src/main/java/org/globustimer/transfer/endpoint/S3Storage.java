package org.globustimer.transfer.endpoint;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.globustimer.transfer.TransferException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The objects of one bucket below a key prefix, seen as a tree: '/' in keys separates directories,
 * and a directory exists while some key lies below it. Modification times and content SHA-256 are
 * kept in user metadata ({@link S3Meta}); writes go through {@link S3Objects}.
 */
final class S3Storage implements Storage {

  private final S3ClientCache.Lease client;
  private final S3Client s3;
  private final S3Location at;
  private final S3Errors errors;
  private final S3Listing listing;
  private final S3Deletes deletes;
  private final S3Objects objects;
  private final S3KnownTimes times;
  private final S3Writes writes = new S3Writes();
  private final ListingsAhead<S3Listing.Page> ahead;

  S3Storage(S3ClientCache.Lease client, S3Location at, String server, ObjectTimes kept) {
    this.client = client;
    this.s3 = client.client();
    this.at = at;
    this.errors = new S3Errors(at, server);
    this.times = new S3KnownTimes(kept, at);
    this.listing = new S3Listing(s3, at, errors);
    this.deletes = new S3Deletes(s3, at, errors, listing);
    this.objects = new S3Objects(s3, at, errors, times, writes);
    this.ahead =
        new ListingsAhead<>(
            listing::list, rel -> writes.touched(listing.dirKey(rel)), 8, 64, "s3-list-ahead-");
  }

  /** Checks at once that the bucket exists and the credentials are accepted. */
  void probe() {
    try {
      S3Listing.anyBelow(s3, at.bucket(), at.prefix());
    } catch (SdkException e) {
      throw errors.map(e, "/");
    }
  }

  S3Location location() {
    return at;
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
      return S3Listing.directory("/");
    }
    Entry known = times.fromListing(at.key(rel), UserPaths.name(rel));
    if (known != null) {
      return known;
    }
    Entry e = object(rel);
    if (e != null) {
      return e;
    }
    return listing.hasKeysBelow(rel) ? S3Listing.directory(UserPaths.name(rel)) : null;
  }

  /** The object under the name, or null. */
  private Entry object(String rel) {
    try {
      HeadObjectResponse h = head(rel);
      times.seen(at.key(rel), h.eTag(), S3Times.parse(h.metadata().get(S3Meta.MTIME)));
      return S3Listing.file(UserPaths.name(rel), h);
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw errors.map(e, "/" + rel);
      }
      return null;
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
  }

  private HeadObjectResponse head(String rel) {
    return s3.headObject(r -> r.bucket(at.bucket()).key(at.key(rel)));
  }

  /**
   * A directory is looked for first, with the listing its walk starts with (kept for it), so the
   * root of an unchanged tree costs no request of its own; an object is looked at only when no key
   * lies below the name.
   */
  @Override
  public Entry statTree(String rel) {
    if (rel.isEmpty()) {
      return S3Listing.directory("/");
    }
    S3Listing.Page page = listing.list(rel);
    if (!page.anyKey()) {
      return object(rel);
    }
    ahead.keep(rel, page);
    return S3Listing.directory(UserPaths.name(rel));
  }

  @Override
  public List<Entry> list(String rel) {
    S3Listing.Page page = ahead.take(rel);
    if (page == null) {
      page = listing.list(rel);
    }
    times.listed(page.dir(), page.objects());
    return page.entries();
  }

  @Override
  public void willList(List<String> rels) {
    ahead.ahead(rels);
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
      return S3Meta.sha256(head(rel).metadata());
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
    writes.writing(at.key(to));
    copyObject(at.key(from), to, null);
    delete(from);
  }

  @Override
  public void setModified(String rel, Instant time) {
    writes.writing(at.key(rel));
    Map<String, String> meta = new HashMap<>();
    try {
      meta.putAll(head(rel).metadata());
    } catch (SdkException e) {
      throw errors.map(e, "/" + rel);
    }
    meta.put(S3Meta.MTIME, S3Times.format(time));
    times.seen(at.key(rel), copyObject(at.key(rel), rel, meta), time);
  }

  /** Answers the copy's ETag. */
  private String copyObject(String sourceKey, String toRel, Map<String, String> replaced) {
    try {
      return s3.copyObject(
              r -> {
                r.sourceBucket(at.bucket())
                    .sourceKey(sourceKey)
                    .destinationBucket(at.bucket())
                    .destinationKey(at.key(toRel));
                if (replaced != null) {
                  r.metadataDirective(MetadataDirective.REPLACE).metadata(replaced);
                }
              })
          .copyObjectResult()
          .eTag();
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
    writes.deleting(at.key(rel), listing.dirKey(rel));
    deletes.delete(rel);
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
    return Optional.of(objects);
  }

  @Override
  public void close() {
    try {
      ahead.close();
      times.save();
    } finally {
      client.release();
    }
  }
}
