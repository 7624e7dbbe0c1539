package org.globustimer.transfer.endpoint;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.utils.AttributeMap;

/** Builds the SDK client of one s3 endpoint. */
final class S3Clients {

  /** Enough connections for every file and part one transfer has in flight. */
  private static final int CONNECTIONS = 96;

  private S3Clients() {}

  /** {@code secretKey} and {@code sessionToken} are used with KEYS credentials only. */
  static S3Client build(S3Location at, String accessKey, String secretKey, String sessionToken) {
    AttributeMap.Builder http =
        AttributeMap.builder()
            .put(SdkHttpConfigurationOption.MAX_CONNECTIONS, CONNECTIONS)
            .put(SdkHttpConfigurationOption.CONNECTION_TIMEOUT, Duration.ofSeconds(15))
            .put(SdkHttpConfigurationOption.READ_TIMEOUT, Duration.ofMinutes(2));
    if (!at.verifyTls()) {
      http.put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true);
    }
    var builder =
        S3Client.builder()
            .region(Region.of(at.region()))
            .forcePathStyle(at.pathStyle())
            // Over plain HTTP the SDK would otherwise send each body aws-chunked, signing every
            // chunk: costly on both ends, and Content-MD5 already guards the bytes
            .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
            .credentialsProvider(credentials(at, accessKey, secretKey, sessionToken))
            // "Expect: 100-continue" costs each upload a round trip before its body; a server
            // that refuses a request still answers it, once the body is read
            .httpClient(
                ApacheHttpClient.builder()
                    .expectContinueEnabled(false)
                    .buildWithDefaults(http.build()))
            // Content-MD5 guards every write (and is what operations that require a checksum get,
            // like DeleteObjects); the newer flexible checksums are not offered by every
            // S3-compatible server, and a server that lacks them refuses such requests.
            .addPlugin(LegacyMd5Plugin.create())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (at.serviceUrl() != null) {
      builder.endpointOverride(at.serviceUrl());
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(
      S3Location at, String accessKey, String secretKey, String sessionToken) {
    return switch (at.credentials()) {
      case KEYS ->
          StaticCredentialsProvider.create(
              sessionToken == null
                  ? AwsBasicCredentials.create(accessKey, secretKey)
                  : AwsSessionCredentials.create(accessKey, secretKey, sessionToken));
      case DEFAULT_CHAIN -> DefaultCredentialsProvider.builder().build();
      case ANONYMOUS -> AnonymousCredentialsProvider.create();
    };
  }
}
