package org.globustimer.cli.endpoint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "s3",
    mixinStandardHelpOptions = true,
    description = {
      "An endpoint on a bucket of an S3-compatible server (AWS, MinIO, Ceph, ...): the objects"
          + " below --prefix, seen as a tree.",
      "Sign with an access key (the secret read from standard input), the service host's own AWS"
          + " credentials, or nothing (public buckets)."
    })
final class CreateS3 extends EndpointBase {

  @Option(names = "--name", required = true, description = "The endpoint's display name.")
  String name;

  @Option(names = "--bucket", required = true, description = "The bucket.")
  String bucket;

  @Option(
      names = "--prefix",
      paramLabel = "KEYS",
      description = "The key prefix that is the endpoint's root (default: the whole bucket).")
  String prefix;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "The server's URL, like https://s3.example.org:9000 (default: AWS itself).")
  String url;

  @Option(names = "--region", description = "The region (default us-east-1).")
  String region;

  @Option(
      names = "--addressing",
      paramLabel = "path|virtual",
      description =
          "Bucket in the path (https://host/bucket/key) or in the host name"
              + " (https://bucket.host/key); default path with --url, else virtual.")
  String addressing;

  @Option(
      names = "--no-verify-tls",
      description = "Accept any TLS certificate (only for a server you trust on your own network).")
  boolean noVerifyTls;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Credentials credentials;

  static final class Credentials {
    @ArgGroup(exclusive = false)
    Keys keys;

    @Option(
        names = "--default-credentials",
        description =
            "Use the AWS credentials of the service's host (its environment, profile or role).")
    boolean defaultChain;

    @Option(names = "--anonymous", description = "Send unsigned requests (public buckets).")
    boolean anonymous;
  }

  static final class Keys {
    @Option(
        names = "--access-key-id",
        required = true,
        paramLabel = "ID",
        description = "The access key id.")
    String accessKeyId;

    @Option(
        names = "--secret-key-stdin",
        required = true,
        description = "Read the secret access key from standard input.")
    boolean secretStdin;
  }

  @Override
  public Integer call() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("display_name", name);
    body.put("type", "s3");
    body.put("bucket", bucket);
    putIfSet(body, "prefix", prefix);
    putIfSet(body, "service_url", url);
    putIfSet(body, "region", region);
    putIfSet(body, "addressing", addressing);
    if (noVerifyTls) {
      body.put("verify_tls", false);
    }
    if (credentials.keys != null) {
      body.put("credentials", "keys");
      body.put("access_key_id", credentials.keys.accessKeyId);
      body.put("secret_access_key", readSecret());
    } else {
      body.put("credentials", credentials.defaultChain ? "default" : "anonymous");
    }
    EndpointView.printOne(out(), api().post(endpointsPath(), Map.of(), body), format());
    return 0;
  }

  private static void putIfSet(ObjectNode body, String field, String value) {
    if (value != null) {
      body.put(field, value);
    }
  }

  private String readSecret() {
    try {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(env().stdin(), StandardCharsets.UTF_8));
      String line = reader.readLine();
      if (line == null || line.isBlank()) {
        throw usageError("--secret-key-stdin: no secret access key on standard input");
      }
      return line.strip();
    } catch (IOException e) {
      throw usageError("--secret-key-stdin: " + e.getMessage());
    }
  }
}
