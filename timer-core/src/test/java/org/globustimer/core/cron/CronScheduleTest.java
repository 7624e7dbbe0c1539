package org.globustimer.core.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The daylight-saving rules, each with instants worked out by hand from the zone's changes. */
class CronScheduleTest {

  private static List<Instant> ticks(String cron, String zone, String after, int count) {
    return CronSchedule.parse(cron, zone).ticksAfter(Instant.parse(after), count);
  }

  private static List<Instant> instants(String... texts) {
    return java.util.Arrays.stream(texts).map(Instant::parse).toList();
  }

  @Test
  void berlinSpringForwardFiresAtTheEndOfTheGap() {
    // 2026-03-29 02:00 CET jumps to 03:00 CEST (01:00Z); 02:30 does not exist that day
    assertThat(ticks("30 2 * * *", "Europe/Berlin", "2026-03-27T12:00:00Z", 3))
        .isEqualTo(
            instants("2026-03-28T01:30:00Z", "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z"));
  }

  @Test
  void everyTimeSwallowedByTheGapFiresOnceTogether() {
    assertThat(ticks("*/15 2-3 * * *", "Europe/Berlin", "2026-03-28T23:00:00Z", 6))
        .isEqualTo(
            instants(
                "2026-03-29T01:00:00Z", // 02:00..02:45 (none exist) and 03:00 CEST: one tick
                "2026-03-29T01:15:00Z",
                "2026-03-29T01:30:00Z",
                "2026-03-29T01:45:00Z",
                "2026-03-30T00:00:00Z",
                "2026-03-30T00:15:00Z"));
  }

  @Test
  void berlinFallBackFiresAtTheFirstOccurrenceOnly() {
    // 2026-10-25 03:00 CEST goes back to 02:00 CET (01:00Z): 02:30 happens at 00:30Z and 01:30Z
    assertThat(ticks("30 2 * * *", "Europe/Berlin", "2026-10-23T12:00:00Z", 3))
        .isEqualTo(
            instants("2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"));
    assertThat(ticks("*/30 * * * *", "Europe/Berlin", "2026-10-24T23:45:00Z", 3))
        .isEqualTo(
            instants("2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z", "2026-10-25T02:00:00Z"));
  }

  @Test
  void fromInsideTheRepeatedHourTheNextTickIsAfterIt() {
    CronSchedule schedule = CronSchedule.parse("*/30 * * * *", "Europe/Berlin");
    // 01:15Z is 02:15 CET, the second pass through 02:00-03:00
    assertThat(schedule.nextAfter(Instant.parse("2026-10-25T01:15:00Z")))
        .isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
    assertThat(schedule.latestAtOrBefore(Instant.parse("2026-10-25T01:15:00Z")))
        .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
  }

  @Test
  void newYorkBothChanges() {
    // 2026-03-08 02:00 EST jumps to 03:00 EDT (07:00Z); 2026-11-01 02:00 EDT back to 01:00 EST
    assertThat(ticks("30 2 * * *", "America/New_York", "2026-03-07T12:00:00Z", 2))
        .isEqualTo(instants("2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"));
    assertThat(ticks("30 1 * * *", "America/New_York", "2026-10-31T12:00:00Z", 2))
        .isEqualTo(instants("2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"));
  }

  @Test
  void lordHoweShiftsByHalfAnHour() {
    // 2026-10-04 02:00 +10:30 jumps to 02:30 +11:00 (15:30Z on the 3rd)
    assertThat(ticks("15 2 * * *", "Australia/Lord_Howe", "2026-10-02T00:00:00Z", 3))
        .isEqualTo(
            instants("2026-10-02T15:45:00Z", "2026-10-03T15:30:00Z", "2026-10-04T15:15:00Z"));
    // 2026-04-05 02:00 +11:00 goes back to 01:30 +10:30: 01:45 first happens at 14:45Z
    assertThat(ticks("45 1 * * *", "Australia/Lord_Howe", "2026-04-03T00:00:00Z", 3))
        .isEqualTo(
            instants("2026-04-03T14:45:00Z", "2026-04-04T14:45:00Z", "2026-04-05T15:15:00Z"));
  }

  @Test
  void kolkataHasNoChanges() {
    assertThat(ticks("0 9 * * *", "Asia/Kolkata", "2026-03-28T00:00:00Z", 2))
        .isEqualTo(instants("2026-03-28T03:30:00Z", "2026-03-29T03:30:00Z"));
  }

  @Test
  void apiaSkippedAWholeDay() {
    // 2011-12-30 00:00 -10:00 (10:00Z) became 2011-12-31 00:00 +14:00: the 30th never happened
    assertThat(ticks("0 12 * * *", "Pacific/Apia", "2011-12-29T00:00:00Z", 3))
        .isEqualTo(
            instants("2011-12-29T22:00:00Z", "2011-12-30T10:00:00Z", "2011-12-30T22:00:00Z"));
    assertThat(ticks("0 12 30 12 *", "Pacific/Apia", "2011-12-01T00:00:00Z", 2))
        .isEqualTo(instants("2011-12-30T10:00:00Z", "2012-12-29T22:00:00Z"));
  }

  @Test
  void latestAtOrBeforeIsTheTickItself() {
    CronSchedule schedule = CronSchedule.parse("30 2 * * *", "Europe/Berlin");
    assertThat(schedule.latestAtOrBefore(Instant.parse("2026-03-29T01:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    assertThat(schedule.latestAtOrBefore(Instant.parse("2026-03-29T00:59:59Z")))
        .isEqualTo(Instant.parse("2026-03-28T01:30:00Z"));
  }

  @Test
  void defaultZoneIsUtc() {
    assertThat(CronSchedule.parse("0 2 * * *", null).zone()).isEqualTo("UTC");
  }

  @Test
  void firstAtOrAfterIncludesTheInstant() {
    CronSchedule schedule = CronSchedule.parse("0 2 * * *", "UTC");
    assertThat(schedule.firstAtOrAfter(Instant.parse("2026-01-01T02:00:00Z")))
        .isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
  }
}
