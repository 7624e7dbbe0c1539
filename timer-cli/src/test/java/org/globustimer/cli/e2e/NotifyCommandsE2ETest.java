package org.globustimer.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.globustimer.cli.CliRun;
import org.junit.jupiter.api.Test;

/** A timer's notification settings and run timeout from the command line, on the real service. */
class NotifyCommandsE2ETest extends LiveService {

  private static CliRun.Result submit(String... options) {
    String[] base = {
      "job",
      "submit",
      "--name",
      "watched",
      "--interval",
      "1h",
      "--action-url",
      "https://actions.example/run",
      "--action-body",
      "{\"body\": {}}"
    };
    String[] args = new String[base.length + options.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(options, 0, args, base.length, options.length);
    return cli().run(args);
  }

  @Test
  void settingsAreSubmittedShownChangedAndGivenBackToTheService() {
    CliRun.Result created =
        submit(
            "--notify-on", "failed,succeeded", "--notify-webhook", "none", "--run-timeout", "6h");
    assertThat(created.code()).as(created.toString()).isZero();
    assertThat(field(created.out(), "Notifications")).isEqualTo("on failed, succeeded; no webhook");
    assertThat(field(created.out(), "Run Timeout")).isEqualTo("6h");
    String jobId = field(created.out(), "Job ID");

    CliRun.Result updated =
        cli().run("job", "update", jobId, "--run-timeout", "none", "--notify-on", "none");
    assertThat(updated.code()).as(updated.toString()).isZero();
    assertThat(field(updated.out(), "Run Timeout")).isEqualTo("none");
    assertThat(field(updated.out(), "Notifications")).isEqualTo("no events; no webhook");

    CliRun.Result reset =
        cli()
            .run(
                "job",
                "update",
                jobId,
                "--run-timeout",
                "default",
                "--notify-on",
                "default",
                "--notify-webhook",
                "default");
    assertThat(reset.code()).as(reset.toString()).isZero();
    assertThat(reset.out()).doesNotContain("Notifications:").doesNotContain("Run Timeout:");
    assertThat(cli().run("job", "status", jobId).out()).doesNotContain("Run Timeout:");
  }

  @Test
  void badSettingsExitWithTheReason() {
    CliRun.Result badEvent = submit("--notify-on", "failed,sometimes");
    assertThat(badEvent.code()).isEqualTo(2);
    assertThat(badEvent.err()).contains("--notify-on takes failed, inactive");
    CliRun.Result badTimeout = submit("--run-timeout", "soon");
    assertThat(badTimeout.code()).isEqualTo(2);
    assertThat(badTimeout.err()).contains("or none, or default");
    CliRun.Result noMail = submit("--notify-email", "ops@example.org");
    assertThat(noMail.code()).as(noMail.toString()).isNotZero();
    assertThat(noMail.err()).contains("smtp_host is not set");
  }
}
