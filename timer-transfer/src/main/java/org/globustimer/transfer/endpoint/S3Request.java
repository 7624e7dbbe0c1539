package org.globustimer.transfer.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.globustimer.core.json.Json;
import org.globustimer.core.secret.Sealer;
import org.globustimer.transfer.TransferException;

/** Validates the s3 part of a create-endpoint body; the secret key is sealed at once. */
final class S3Request {

  // the rules of S3-compatible servers (Ceph and MinIO allow what AWS's older buckets allowed)
  private static final Pattern BUCKET =
      Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{1,253}[a-zA-Z0-9]");
  private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private final Sealer cipher;
  private final boolean hostCredentials;

  S3Request(Sealer cipher, boolean hostCredentials) {
    this.cipher = cipher;
    this.hostCredentials = hostCredentials;
  }

  Endpoint toEndpoint(String owner, String id, String name, JsonNode body, Instant now) {
    URI url = serviceUrl(body);
    String region =
        body.hasNonNull("region") ? EndpointRequest.text(body, "region", true) : "us-east-1";
    if (!REGION.matcher(region).matches()) {
      throw TransferException.validation(
          "region", "not a region name (lower-case letters, digits and '-'), like us-east-1");
    }
    String bucket = EndpointRequest.text(body, "bucket", true);
    if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
      throw TransferException.validation(
          "bucket",
          "3 to 255 letters, digits, '.', '-' or '_', starting and ending with a letter or"
              + " digit");
    }
    String prefix = prefix(body);
    boolean pathStyle = addressing(body, url);
    boolean verifyTls = flag(body, "verify_tls", true);
    S3Location.Credentials mode = credentials(body);
    String accessKey = null;
    String secret = null;
    if (mode == S3Location.Credentials.KEYS) {
      accessKey = EndpointRequest.text(body, "access_key_id", true);
      var sealed = Json.mapper().createObjectNode();
      sealed.put("secret_access_key", EndpointRequest.text(body, "secret_access_key", true));
      sealed.put("session_token", EndpointRequest.text(body, "session_token", false));
      secret = cipher.seal(sealed.toString());
    } else if (body.hasNonNull("access_key_id") || body.hasNonNull("secret_access_key")) {
      throw TransferException.validation(
          "access_key_id", "and secret_access_key go only with credentials \"keys\"");
    }
    S3Location location = new S3Location(url, region, bucket, prefix, pathStyle, verifyTls, mode);
    return new Endpoint(
        id,
        owner,
        name,
        Endpoint.Kind.S3,
        location.display(),
        null,
        null,
        accessKey,
        secret,
        now,
        null,
        location);
  }

  private static URI serviceUrl(JsonNode body) {
    if (!body.hasNonNull("service_url")) {
      return null;
    }
    String text = EndpointRequest.text(body, "service_url", true);
    try {
      URI url = new URI(text);
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
        throw new URISyntaxException(text, "not an http(s) URL with a host");
      }
      if (url.getQuery() != null || url.getFragment() != null || url.getUserInfo() != null) {
        throw new URISyntaxException(text, "no query, fragment or user allowed");
      }
      String path = url.getPath() == null ? "" : url.getPath();
      return URI.create(
          scheme
              + "://"
              + url.getRawAuthority()
              + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
    } catch (URISyntaxException e) {
      throw TransferException.validation(
          "service_url", "must be the S3 server's http(s) URL, like https://s3.example.org:9000");
    }
  }

  private static String prefix(JsonNode body) {
    if (!body.hasNonNull("prefix")) {
      return "";
    }
    JsonNode v = body.get("prefix");
    if (!v.isTextual()) {
      throw TransferException.validation("prefix", "must be a string");
    }
    String p = v.asText();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.isEmpty()) {
      return "";
    }
    if (!p.endsWith("/")) {
      p = p + "/";
    }
    for (String segment : p.substring(0, p.length() - 1).split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw TransferException.validation(
            "prefix", "segments joined by single '/', without '.' or '..': " + v.asText());
      }
    }
    if (p.length() > 1024) {
      throw TransferException.validation("prefix", "at most 1024 characters");
    }
    return p;
  }

  private static boolean addressing(JsonNode body, URI url) {
    if (!body.hasNonNull("addressing")) {
      // servers of one's own mostly answer on one name; AWS itself prefers bucket host names
      return url != null;
    }
    String a = EndpointRequest.text(body, "addressing", true).toLowerCase(Locale.ROOT);
    return switch (a) {
      case "path" -> true;
      case "virtual", "virtual-host", "virtual_host" -> false;
      default ->
          throw TransferException.validation(
              "addressing",
              "\"path\" (https://host/bucket/key) or \"virtual\"" + " (https://bucket.host/key)");
    };
  }

  private S3Location.Credentials credentials(JsonNode body) {
    String given =
        body.hasNonNull("credentials") ? EndpointRequest.text(body, "credentials", true) : "keys";
    S3Location.Credentials mode = S3Location.Credentials.of(given);
    if (mode == null) {
      throw TransferException.validation(
          "credentials",
          "\"keys\" (access_key_id and secret_access_key), \"default\" (the"
              + " service host's AWS credentials) or \"anonymous\" (public buckets)");
    }
    if (mode == S3Location.Credentials.DEFAULT_CHAIN && !hostCredentials) {
      throw TransferException.validation(
          "credentials",
          "\"default\" is not available on a service shared by several users; give"
              + " access_key_id and secret_access_key");
    }
    return mode;
  }

  private static boolean flag(JsonNode body, String field, boolean fallback) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw TransferException.validation(field, "must be true or false");
    }
    return v.asBoolean();
  }
}
