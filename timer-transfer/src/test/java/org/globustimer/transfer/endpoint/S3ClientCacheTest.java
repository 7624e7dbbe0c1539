package org.globustimer.transfer.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3ClientCacheTest {

  private static final S3Location AT =
      new S3Location(
          URI.create("http://127.0.0.1:9"),
          "us-east-1",
          "bucket",
          "",
          true,
          true,
          S3Location.Credentials.KEYS);

  @Test
  void aClientIsKeptForExactlyWhatItWasBuiltFrom() {
    try (S3ClientCache cache = new S3ClientCache()) {
      S3ClientCache.Lease first = cache.take(AT, "key", "secret", null);
      first.release();
      S3ClientCache.Lease again = cache.take(AT, "key", "secret", null);
      assertThat(again.client()).isSameAs(first.client());
      S3ClientCache.Lease otherSecret = cache.take(AT, "key", "changed", null);
      assertThat(otherSecret.client()).isNotSameAs(first.client());
      S3ClientCache.Lease otherPrefix =
          cache.take(
              new S3Location(
                  AT.serviceUrl(), "us-east-1", "bucket", "p/", true, true, AT.credentials()),
              "key",
              "secret",
              null);
      assertThat(otherPrefix.client()).isNotSameAs(first.client());
      again.release();
      otherSecret.release();
      otherPrefix.release();
    }
  }

  @Test
  void aForgottenClientIsNotHandedOutAgain() {
    try (S3ClientCache cache = new S3ClientCache()) {
      S3ClientCache.Lease failed = cache.take(AT, "key", "wrong", null);
      failed.forget();
      failed.release();
      S3ClientCache.Lease next = cache.take(AT, "key", "wrong", null);
      assertThat(next.client()).isNotSameAs(failed.client());
      next.release();
    }
  }

  @Test
  void aStorageMayLetItsClientGoAfterTheCacheClosed() {
    S3ClientCache cache = new S3ClientCache();
    S3ClientCache.Lease open = cache.take(AT, "key", "secret", null);
    cache.close();
    open.release();
    open.release();
  }
}
