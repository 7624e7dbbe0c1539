package org.globustimer.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.globustimer.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedule preview} works out fire times offline, across daylight-saving changes. */
class SchedulePreviewTest {

  @TempDir Path home;

  private CliRun.Result run(String... args) {
    return new CliRun(home).run(args);
  }

  @Test
  void previewsAcrossTheSpringChangeInWordsUtcAndLocal() {
    var result =
        run(
            "schedule",
            "preview",
            "--cron",
            "30 2 * * *",
            "--timezone",
            "Europe/Berlin",
            "--start",
            "2026-03-28",
            "-n",
            "3");
    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
            at 02:30 Europe/Berlin, every day
              2026-03-28T01:30:00Z   2026-03-28T02:30:00+01:00 Europe/Berlin
              2026-03-29T01:00:00Z   2026-03-29T03:00:00+02:00 Europe/Berlin
              2026-03-30T00:30:00Z   2026-03-30T02:30:00+02:00 Europe/Berlin
            """);
  }

  @Test
  void jsonListsEachRunInBothZones() {
    var result =
        run(
            "schedule",
            "preview",
            "--cron",
            "@daily",
            "--timezone",
            "Asia/Kolkata",
            "--start",
            "2026-01-01T00:00:00Z",
            "-n",
            "1",
            "-F",
            "json");
    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("\"cron\" : \"@daily\"")
        .contains("\"description\" : \"at 00:00 Asia/Kolkata, every day\"")
        .contains("\"utc\" : \"2026-01-01T18:30:00Z\"")
        .contains("\"local\" : \"2026-01-02T00:00:00+05:30 Asia/Kolkata\"");
  }

  @Test
  void aBadExpressionSaysWhereAndGivesAnExample() {
    var result = run("schedule", "preview", "--cron", "0 25 * * *");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("at position 3: hour 25 is out of range 0-23")
        .contains("for example '0 2 * * *'")
        .doesNotContain("Exception");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void anUnknownZoneNamesTheClosestOne() {
    var result = run("schedule", "preview", "--cron", "0 2 * * *", "--timezone", "Europe/Berln");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("did you mean Europe/Berlin?");
  }
}
