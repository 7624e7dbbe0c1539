package org.globustimer.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.globustimer.cli.CliRun;
import org.junit.jupiter.api.Test;

/** Transfers between two posix endpoints, created, run and watched through the CLI. */
class TransferE2ETest extends LiveService {

  private static String endpoint(String name, Path root) {
    CliRun.Result created =
        cli().run("endpoint", "create", "posix", "--name", name, "--root", root.toString());
    assertThat(created.code()).as(created.toString()).isZero();
    return field(created.out(), "ID");
  }

  @Test
  void itemsFileTransferRunsAndWatchShowsTheFilesMoved() throws Exception {
    Path source = directory("src-a");
    Path destination = directory("dst-a");
    Files.writeString(source.resolve("one.txt"), "one");
    Files.createDirectories(source.resolve("tree/sub"));
    Files.writeString(source.resolve("tree/sub/two.txt"), "two two");
    Files.writeString(source.resolve("tree/skip.log"), "not this");
    Path items =
        Files.writeString(
            scratch.resolve("items.csv"),
            "# what to copy\n/one.txt,/copy-of-one.txt,false\n\n/tree/,/tree/,true\n");
    String src = endpoint("source", source);
    String dst = endpoint("destination", destination);

    CliRun.Result created =
        cli()
            .run(
                "job",
                "transfer",
                "--name",
                "files",
                "--interval",
                "1h",
                "--source-endpoint",
                src,
                "--dest-endpoint",
                dst,
                "--items-file",
                items.toString(),
                "--sync-level",
                "0",
                "--exclude",
                "*.log",
                "--label",
                "e2e");
    assertThat(created.code()).as(created.toString()).isZero();
    String jobId = field(created.out(), "Job ID");

    CliRun.Result watched =
        cli().run("job", "status", "--watch", "--poll-interval", "PT0.2S", jobId);
    assertThat(watched.code()).as(watched.toString()).isZero();
    String last = watched.out().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).startsWith("RUN COMPLETE").contains("100%").contains("files");

    assertThat(destination.resolve("copy-of-one.txt")).hasContent("one");
    assertThat(destination.resolve("tree/sub/two.txt")).hasContent("two two");
    assertThat(destination.resolve("tree/skip.log")).doesNotExist();

    CliRun.Result status = cli().run("job", "status", jobId);
    assertThat(field(status.out(), "Last Run Result")).isEqualTo("RUN COMPLETE");
  }

  @Test
  void aFailedTransferSaysWhyAndWatchExitsOne() {
    String src = endpoint("empty-source", directory("src-b"));
    String dst = endpoint("empty-destination", directory("dst-b"));
    CliRun.Result created =
        cli()
            .run(
                "job",
                "transfer",
                "--interval",
                "1h",
                "--source-endpoint",
                src,
                "--dest-endpoint",
                dst,
                "--item",
                "/missing.txt",
                "/x.txt",
                "false");
    assertThat(created.code()).as(created.toString()).isZero();
    String jobId = field(created.out(), "Job ID");

    CliRun.Result watched =
        cli().run("job", "status", "--watch", "--poll-interval", "PT0.2S", jobId);
    assertThat(watched.code()).isEqualTo(1);
    assertThat(watched.err()).contains("failed");
    CliRun.Result status = cli().run("job", "status", jobId);
    assertThat(field(status.out(), "Last Run Result")).isEqualTo("FAILURE");
    assertThat(status.out()).contains("missing.txt");
  }
}
