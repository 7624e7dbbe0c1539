package org.globustimer.transfer.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Locale;
import org.globustimer.core.json.Json;

/**
 * Where an s3 endpoint's objects live and how to reach them. {@code prefix} is the key prefix that
 * is the endpoint's root ("" for the whole bucket, else ending in '/'); {@code credentials} says
 * where the request signing keys come from.
 *
 * @param serviceUrl the S3 API's base URL; null for AWS itself (found from the region)
 */
public record S3Location(
    URI serviceUrl,
    String region,
    String bucket,
    String prefix,
    boolean pathStyle,
    boolean verifyTls,
    Credentials credentials) {

  /** The signing keys: the endpoint's own (sealed), the service host's AWS chain, or none. */
  public enum Credentials {
    KEYS("keys"),
    DEFAULT_CHAIN("default"),
    ANONYMOUS("anonymous");

    private final String wire;

    Credentials(String wire) {
      this.wire = wire;
    }

    String wire() {
      return wire;
    }

    /** The mode of a wire name, or null for an unknown one. */
    static Credentials of(String wire) {
      for (Credentials c : values()) {
        if (c.wire.equals(wire.toLowerCase(Locale.ROOT))) {
          return c;
        }
      }
      return null;
    }
  }

  /** The object key of a relative path. */
  String key(String rel) {
    return prefix + rel;
  }

  /** How the location reads in listings: s3://bucket/prefix. */
  String display() {
    return "s3://" + bucket + "/" + prefix;
  }

  /** Whether two endpoints are on the same server, so one can copy server-side from the other. */
  boolean sameServerAs(S3Location other) {
    return java.util.Objects.equals(serviceUrl, other.serviceUrl)
        && region.equals(other.region)
        && pathStyle == other.pathStyle;
  }

  ObjectNode toJson() {
    ObjectNode d = Json.mapper().createObjectNode();
    d.put("service_url", serviceUrl == null ? null : serviceUrl.toString());
    d.put("region", region).put("bucket", bucket).put("prefix", prefix);
    d.put("addressing", pathStyle ? "path" : "virtual");
    d.put("verify_tls", verifyTls).put("credentials", credentials.wire());
    return d;
  }

  static S3Location fromJson(JsonNode d) {
    String url = d.path("service_url").asText(null);
    return new S3Location(
        url == null ? null : URI.create(url),
        d.path("region").asText(),
        d.path("bucket").asText(),
        d.path("prefix").asText(""),
        d.path("addressing").asText("path").equals("path"),
        d.path("verify_tls").asBoolean(true),
        Credentials.of(d.path("credentials").asText("keys")));
  }
}
