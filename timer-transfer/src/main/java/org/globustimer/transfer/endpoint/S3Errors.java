package org.globustimer.transfer.endpoint;

import java.util.Locale;
import java.util.Set;
import org.globustimer.transfer.TransferException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Names what an S3 server (or the way to it) answered, as a transfer task reports it. */
final class S3Errors {

  private static final Set<String> REFUSED_CREDENTIALS =
      Set.of(
          "InvalidAccessKeyId",
          "SignatureDoesNotMatch",
          "ExpiredToken",
          "InvalidToken",
          "TokenRefreshRequired",
          "AuthorizationHeaderMalformed");

  private final S3Location at;
  private final String server;

  S3Errors(S3Location at, String server) {
    this.at = at;
    this.server = server;
  }

  TransferException map(SdkException e, String path) {
    String where = at.display() + (path.startsWith("/") ? path.substring(1) : path);
    if (e instanceof S3Exception s) {
      String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
      if ("NoSuchBucket".equals(code)) {
        return new TransferException(
            "BUCKET_NOT_FOUND",
            404,
            "the bucket " + at.bucket() + " does not exist on " + server,
            e);
      }
      if (code != null && REFUSED_CREDENTIALS.contains(code)) {
        return new TransferException(
            "AUTHENTICATION_FAILED",
            403,
            server
                + " refused the endpoint's credentials ("
                + code
                + "): check its access_key_id and secret_access_key",
            e);
      }
      if ("AccessDenied".equals(code) || s.statusCode() == 403) {
        return new TransferException(
            "PERMISSION_DENIED",
            403,
            "access denied by " + server + " to " + where + reason(code),
            e);
      }
      if ("NoSuchKey".equals(code) || s.statusCode() == 404) {
        return new TransferException("FILE_NOT_FOUND", 404, "no such object: " + where, e);
      }
      if ("QuotaExceeded".equals(code) || s.statusCode() == 507) {
        return new TransferException(
            "QUOTA_EXCEEDED", 507, "the server is out of space or quota writing " + where, e);
      }
      if (s.statusCode() >= 500) {
        return new TransferException(
            "ENDPOINT_ERROR",
            502,
            server + " failed on " + where + " (" + s.statusCode() + reason(code) + ")",
            e);
      }
      return new TransferException(
          "IO_ERROR",
          500,
          server + " refused a request on " + where + " (" + s.statusCode() + reason(code) + ")",
          e);
    }
    if (e instanceof SdkClientException) {
      String message = String.valueOf(deepest(e).getMessage());
      if (message.toLowerCase(Locale.ROOT).contains("pkix")
          || message.toLowerCase(Locale.ROOT).contains("certificate")) {
        return new TransferException(
            "ENDPOINT_ERROR",
            502,
            "cannot verify the TLS certificate of "
                + server
                + ": "
                + message
                + "; trust its issuer on the service's host, or create the endpoint with"
                + " verify_tls false only for a server you trust",
            e);
      }
      return new TransferException(
          "ENDPOINT_ERROR", 502, "cannot reach " + server + ": " + message, e);
    }
    return new TransferException(
        "ENDPOINT_ERROR", 502, "S3 request failed on " + where + ": " + e.getMessage(), e);
  }

  private static String reason(String code) {
    return code == null ? "" : ": " + code;
  }

  private static Throwable deepest(Throwable t) {
    Throwable d = t;
    while (d.getCause() != null && d.getCause() != d) {
      d = d.getCause();
    }
    return d.getMessage() == null ? t : d;
  }
}
