package org.globustimer.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.globustimer.cli.CliRun;
import org.globustimer.core.json.Json;
import org.junit.jupiter.api.Test;

class EndpointE2ETest extends LiveService {

  @Test
  void createListShowLsAndDeleteAPosixEndpoint() throws Exception {
    Path root = directory("ep-root");
    Files.writeString(root.resolve("hello.txt"), "hello");
    Files.createDirectories(root.resolve("inner"));

    CliRun.Result created =
        cli().run("endpoint", "create", "posix", "--name", "mine", "--root", root.toString());
    assertThat(created.code()).as(created.toString()).isZero();
    String id = field(created.out(), "ID");
    assertThat(field(created.out(), "Type")).isEqualTo("posix");

    CliRun.Result list = cli().run("endpoint", "list");
    assertThat(list.out()).contains(id).contains("mine");
    CliRun.Result unix = cli().run("endpoint", "list", "-F", "unix");
    assertThat(unix.out().lines()).anyMatch(line -> line.startsWith(id + "\tmine\tposix"));

    CliRun.Result show = cli().run("endpoint", "show", id, "-F", "json");
    assertThat(Json.mapper().readTree(show.out()).path("display_name").asText()).isEqualTo("mine");

    CliRun.Result ls = cli().run("endpoint", "ls", id + ":/");
    assertThat(ls.code()).as(ls.toString()).isZero();
    assertThat(ls.out()).contains("hello.txt").contains("inner/");
    CliRun.Result lsUnix = cli().run("endpoint", "ls", "-F", "unix", id);
    assertThat(lsUnix.code()).as(lsUnix.toString()).isZero();

    CliRun.Result deleted = cli().run("endpoint", "delete", id);
    assertThat(deleted.code()).as(deleted.toString()).isZero();
    CliRun.Result gone = cli().run("endpoint", "show", id);
    assertThat(gone.code()).isEqualTo(1);
    assertThat(gone.err()).contains("(404)");
  }

  @Test
  void aRootOutsideWhatTheServiceAllowsIsRefusedInOneLine() {
    CliRun.Result result =
        cli().run("endpoint", "create", "posix", "--name", "bad", "--root", "/definitely/not/here");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
  }

  @Test
  void sftpNeedsExactlyOneCredentialAndAPasswordOnStdin() {
    CliRun.Result none =
        cli().run("endpoint", "create", "sftp", "--name", "s", "--host", "h", "--user", "u");
    assertThat(none.code()).isEqualTo(2);
    CliRun.Result empty =
        cli()
            .stdin("")
            .run(
                "endpoint",
                "create",
                "sftp",
                "--name",
                "s",
                "--host",
                "h",
                "--user",
                "u",
                "--password-stdin");
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("no password on standard input");
  }
}
