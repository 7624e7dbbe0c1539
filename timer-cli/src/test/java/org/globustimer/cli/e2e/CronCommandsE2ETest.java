package org.globustimer.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.globustimer.cli.CliRun;
import org.globustimer.server.testkit.FakeActionProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cron timers from the command line against the real service: submit, next, run now, update. */
class CronCommandsE2ETest extends LiveService {

  FakeActionProvider provider;

  @BeforeEach
  void startProvider() {
    provider = new FakeActionProvider();
  }

  @AfterEach
  void stopProvider() {
    provider.close();
  }

  private CliRun.Result submit(String... timing) {
    String[] base = {
      "job",
      "submit",
      "--name",
      "cron",
      "--action-url",
      provider.runUrl(),
      "--action-body",
      "{\"body\": {}}"
    };
    String[] args = new String[base.length + timing.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(timing, 0, args, base.length, timing.length);
    return cli().run(args);
  }

  @Test
  void aCronTimerShowsItsScheduleAndNextRunsAndRunsNowWithoutMovingThem() {
    CliRun.Result created =
        submit(
            "--cron",
            "30 2 * * *",
            "--timezone",
            "Europe/Berlin",
            "--overlap",
            "buffer-one",
            "--catch-up",
            "all",
            "--catch-up-window",
            "6h");
    assertThat(created.code()).as(created.toString()).isZero();
    String jobId = field(created.out(), "Job ID");
    assertThat(field(created.out(), "Schedule")).isEqualTo("at 02:30 Europe/Berlin, every day");
    assertThat(field(created.out(), "Policies"))
        .isEqualTo("jitter 0 s, overlap buffer-one, catch-up all within 6h");

    CliRun.Result next = cli().run("job", "next", jobId, "-n", "3");
    assertThat(next.code()).as(next.toString()).isZero();
    assertThat(next.out().lines().toList()).hasSize(4);
    assertThat(next.out().lines().skip(1).toList())
        .allMatch(line -> line.matches(" {2}\\S+Z {3}\\S+T02:30:00\\+0[12]:00 Europe/Berlin"));

    CliRun.Result ran = cli().run("job", "run-now", jobId);
    assertThat(ran.code()).as(ran.toString()).isZero();
    assertThat(ran.out()).contains("Started a run of " + jobId);
    await().atMost(Duration.ofSeconds(20)).until(() -> provider.submissions().size() == 1);
    assertThat(cli().run("job", "next", jobId, "-n", "3").out()).isEqualTo(next.out());

    CliRun.Result updated = cli().run("job", "update", jobId, "--cron", "0 6 * * MON-FRI");
    assertThat(updated.code()).as(updated.toString()).isZero();
    assertThat(field(updated.out(), "Schedule"))
        .isEqualTo("at 06:00 Europe/Berlin, on Monday to Friday");
  }

  @Test
  void badCronOrZoneExitsTwoAndCreatesNothing() {
    int before = cli().run("job", "list", "-F", "unix").out().lines().toList().size();
    CliRun.Result badCron = submit("--cron", "0 2 * * MON-");
    assertThat(badCron.code()).isEqualTo(2);
    assertThat(badCron.err())
        .contains("at position 13: expected a number in the day of week field")
        .contains("'0 2 * * *'");
    CliRun.Result badZone = submit("--cron", "@daily", "--timezone", "America/New_Yrok");
    assertThat(badZone.code()).isEqualTo(2);
    assertThat(badZone.err()).contains("did you mean America/New_York?");
    CliRun.Result both = submit("--cron", "@daily", "--interval", "60");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("either --interval or --cron");
    assertThat(cli().run("job", "list", "-F", "unix").out().lines().toList()).hasSize(before);
  }
}
