package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.testkit.S3Server;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Endpoints and objects on a test S3 server, as a user of the endpoints API makes them. */
final class S3Fixture {

  private final Harness h;
  private final S3Server server;
  final S3Client client;

  S3Fixture(Harness h, S3Server server) {
    this.h = h;
    this.server = server;
    this.client = server.client();
  }

  ObjectNode endpointBody(String bucket, String prefix) {
    return Json.mapper()
        .createObjectNode()
        .put("display_name", "bucket " + bucket)
        .put("type", "s3")
        .put("service_url", server.url().toString())
        .put("bucket", bucket)
        .put("prefix", prefix)
        .put("access_key_id", S3Server.ACCESS_KEY)
        .put("secret_access_key", S3Server.SECRET_KEY);
  }

  String endpoint(String bucket, String prefix) {
    return create(endpointBody(bucket, prefix));
  }

  String create(ObjectNode body) {
    Harness.Reply r = h.post("/endpoints", "alice", body);
    assertThat(r.status()).as("%s", r.json()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  void put(String bucket, String key, String content, Instant mtime) {
    Map<String, String> meta = new HashMap<>();
    if (mtime != null) {
      meta.put("mtime", seconds(mtime));
    }
    client.putObject(
        r -> r.bucket(bucket).key(key).metadata(meta), RequestBody.fromString(content));
  }

  String read(String bucket, String key) {
    try {
      return client.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
    } catch (NoSuchKeyException e) {
      return null;
    }
  }

  boolean exists(String bucket, String key) {
    try {
      client.headObject(r -> r.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** The mtime kept in an object's metadata, or null. */
  Instant mtime(String bucket, String key) {
    String v = client.headObject(r -> r.bucket(bucket).key(key)).metadata().get("mtime");
    if (v == null) {
      return null;
    }
    BigDecimal s = new BigDecimal(v);
    return Instant.ofEpochSecond(
        s.longValue(), s.subtract(BigDecimal.valueOf(s.longValue())).movePointRight(9).intValue());
  }

  static String seconds(Instant t) {
    return BigDecimal.valueOf(t.getEpochSecond())
        .add(BigDecimal.valueOf(t.getNano(), 9))
        .stripTrailingZeros()
        .toPlainString();
  }

  int openUploads(String bucket) {
    return client.listMultipartUploads(r -> r.bucket(bucket)).uploads().size();
  }

  static ObjectNode transfer(String src, String dst, String from, String to, boolean recursive) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("source_endpoint_id", src).put("destination_endpoint_id", dst);
    body.putArray("transfer_items")
        .addObject()
        .put("source_path", from)
        .put("destination_path", to)
        .put("recursive", recursive);
    return body;
  }
}
