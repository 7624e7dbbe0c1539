package org.globustimer.transfer.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for the tests: s3proxy over a directory, in a JVM of its own (its jar is copied
 * to target/s3proxy by the build of each module that uses it), on a free loopback port. Buckets are
 * directories of its data directory. Requests are signed with {@link #ACCESS_KEY} and {@link
 * #SECRET_KEY}.
 */
public final class S3Server implements AutoCloseable {

  public static final String ACCESS_KEY = "AKIDTIMERTEST";
  public static final String SECRET_KEY = "timer-test-secret";

  private final Path data;
  private final int port;
  private final Process process;

  private S3Server(Path data, int port, Process process) {
    this.data = data;
    this.port = port;
    this.process = process;
  }

  public static S3Server start(Path dir) {
    try {
      Path data = Files.createDirectories(dir.resolve("data"));
      int port = freePort();
      Path properties = dir.resolve("s3proxy.properties");
      Files.write(
          properties,
          List.of(
              "s3proxy.endpoint=http://127.0.0.1:" + port,
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + ACCESS_KEY,
              "s3proxy.credential=" + SECRET_KEY,
              "jclouds.provider=filesystem",
              "jclouds.identity=" + ACCESS_KEY,
              "jclouds.credential=" + SECRET_KEY,
              "jclouds.filesystem.basedir=" + data));
      Path jar = Path.of("target/s3proxy/s3proxy.jar").toAbsolutePath();
      if (!Files.exists(jar)) {
        throw new IllegalStateException("no s3proxy jar at " + jar + ": run the build first");
      }
      ProcessBuilder builder =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-Xmx256m",
                  "-jar",
                  jar.toString(),
                  "--properties",
                  properties.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("s3proxy.log").toFile());
      builder.environment().put("LOG_LEVEL", System.getProperty("s3proxy.log", "info"));
      Process process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      S3Server server = new S3Server(data, port, process);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !process.isAlive() || server.listening());
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "s3proxy did not start: " + Files.readString(dir.resolve("s3proxy.log")));
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A new empty bucket. */
  public String bucket(String name) {
    try {
      Files.createDirectories(data.resolve(name));
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client of the server's own, to look at what the tests' transfers stored. */
  public S3Client client() {
    return S3Client.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(url())
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClient(ApacheHttpClient.create())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
