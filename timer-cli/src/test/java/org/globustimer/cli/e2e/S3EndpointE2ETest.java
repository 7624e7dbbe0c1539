package org.globustimer.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.globustimer.cli.CliRun;
import org.globustimer.transfer.testkit.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The seed's quickstart with a bucket as destination: an s3 endpoint made and used by the CLI. */
class S3EndpointE2ETest extends LiveService {

  static S3Server s3;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3Server.start(Files.createDirectories(scratch.resolve("s3")));
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  private static CliRun.Result createS3(String name, String bucket, String secret) {
    return cli()
        .stdin(secret + "\n")
        .run(
            "endpoint",
            "create",
            "s3",
            "--name",
            name,
            "--url",
            s3.url().toString(),
            "--bucket",
            bucket,
            "--prefix",
            "lab/",
            "--access-key-id",
            S3Server.ACCESS_KEY,
            "--secret-key-stdin");
  }

  @Test
  void aTimerCopiesFilesIntoTheBucketAndLsShowsThemAsATree() throws Exception {
    String bucket = s3.bucket("instrument-output");
    Path data = directory("instrument");
    Files.writeString(data.resolve("run1.csv"), "a,b\n1,2\n");
    Files.createDirectories(data.resolve("images"));
    Files.writeString(data.resolve("images/frame1.raw"), "pixels");

    CliRun.Result created = createS3("backup", bucket, S3Server.SECRET_KEY);
    assertThat(created.code()).as(created.toString()).isZero();
    String id = field(created.out(), "ID");
    assertThat(field(created.out(), "Type")).isEqualTo("s3");
    assertThat(field(created.out(), "Root")).isEqualTo("s3://instrument-output/lab/");
    assertThat(created.out()).doesNotContain(S3Server.SECRET_KEY);

    CliRun.Result job =
        cli()
            .run(
                "job",
                "transfer",
                "--name",
                "nightly",
                "--interval",
                "28800",
                "--start",
                "2020-01-01T12:34:56",
                "--source-endpoint",
                "ddb59aef-6d04-11e5-ba46-22000b92c6ec",
                "--dest-endpoint",
                id,
                "--item",
                data.toString(),
                "/nightly/",
                "true");
    assertThat(job.code()).as(job.toString()).isZero();
    String jobId = field(job.out(), "Job ID");
    CliRun.Result watched =
        cli().run("job", "status", "--watch", "--poll-interval", "PT0.2S", jobId);
    assertThat(watched.code()).as(watched.toString()).isZero();

    try (S3Client client = s3.client()) {
      assertThat(
              client
                  .getObjectAsBytes(r -> r.bucket(bucket).key("lab/nightly/images/frame1.raw"))
                  .asUtf8String())
          .isEqualTo("pixels");
    }
    CliRun.Result tree = cli().run("endpoint", "ls", "--tree", id + ":/nightly");
    assertThat(tree.code()).as(tree.toString()).isZero();
    assertThat(tree.out()).contains("run1.csv").contains("images/").contains("  frame1.raw");
  }

  @Test
  void aWrongSecretIsRefusedWhenListing() {
    String bucket = s3.bucket("refusing");
    CliRun.Result created = createS3("wrong", bucket, "not-the-secret");
    assertThat(created.code()).as(created.toString()).isZero();
    CliRun.Result ls = cli().run("endpoint", "ls", field(created.out(), "ID") + ":/");
    assertThat(ls.code()).isEqualTo(1);
    assertThat(ls.err()).contains("refused the endpoint's credentials").contains("(403)");
    assertThat(ls.err().strip().lines()).hasSize(1);
  }

  @Test
  void s3NeedsOneKindOfCredentialsAndASecretOnStdin() {
    CliRun.Result none =
        cli().run("endpoint", "create", "s3", "--name", "n", "--bucket", "some-bucket");
    assertThat(none.code()).isEqualTo(2);
    CliRun.Result empty =
        cli()
            .stdin("")
            .run(
                "endpoint",
                "create",
                "s3",
                "--name",
                "n",
                "--bucket",
                "some-bucket",
                "--access-key-id",
                "AK",
                "--secret-key-stdin");
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("no secret access key on standard input");
  }
}
