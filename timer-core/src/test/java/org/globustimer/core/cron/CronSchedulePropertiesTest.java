package org.globustimer.core.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Properties of ticks around real daylight-saving changes, over generated expressions, zones and
 * starts. The strongest compares with an independent computation: every local date-time of a window
 * is tested against the expression one by one and mapped to its instant with {@link
 * ZonedDateTime}'s own rules (an existing time as is, a repeated time at its earlier offset, a
 * skipped time at the end of its gap) — the ticks must be exactly those instants, so none is
 * skipped, repeated or extra.
 */
class CronSchedulePropertiesTest {

  static final List<String> ZONES =
      List.of(
          "Europe/Berlin",
          "America/New_York",
          "Australia/Lord_Howe",
          "Asia/Kolkata",
          "Pacific/Apia",
          "UTC");

  static final List<String> MINUTES =
      List.of("*", "0", "*/7", "5-20/5", "0,30", "59", "*/15", "10-12");
  static final List<String> HOURS = List.of("*", "2", "1-3", "0,12", "*/5", "2,3", "1", "23");
  static final List<String> DAYS_OF_MONTH =
      List.of("*", "*", "1", "15", "L", "1-7", "15W", "LW", "L-2", "29", "31", "30,31");
  static final List<String> MONTHS = List.of("*", "*", "3", "10,11", "*/2", "JAN-JUN", "4,9,10,12");
  static final List<String> DAYS_OF_WEEK =
      List.of("*", "*", "?", "MON-FRI", "0", "5L", "0#1", "SUN,SAT", "6#2");
  static final List<String> SECONDS = List.of("0", "*/20", "30", "0,45", "*/7");

  record Case(String cron, String zone, Instant start) {}

  private static String minuteExpression(Generated g) {
    while (true) {
      String text =
          String.join(
              " ",
              g.oneOf(MINUTES),
              g.oneOf(HOURS),
              g.oneOf(DAYS_OF_MONTH),
              g.oneOf(MONTHS),
              g.oneOf(DAYS_OF_WEEK));
      try {
        CronExpression.parse(text);
        return text;
      } catch (CronSyntaxException neverMatches) {
        // e.g. day 31 in April only: draw again
      }
    }
  }

  private static String secondExpression(Generated g) {
    return String.join(
        " ",
        g.oneOf(SECONDS),
        g.oneOf(List.of("*", "0", "*/10", "29,30,31", "45")),
        g.oneOf(List.of("*", "1", "2", "1-3", "0")),
        "* * *");
  }

  /** A start near one of the zone's transitions in a year from 2010 to 2030. */
  private static Case near(Generated g, String cron, Duration spread) {
    String zone = g.oneOf(ZONES);
    ZoneRules rules = ZoneId.of(zone).getRules();
    Instant yearStart = Instant.parse(g.between(2010, 2030) + "-01-01T00:00:00Z");
    Instant anchor = yearStart.plus(Duration.ofDays(180));
    ZoneOffsetTransition first = rules.nextTransition(yearStart);
    if (first != null) {
      ZoneOffsetTransition second = rules.nextTransition(first.getInstant());
      anchor = g.between(0, 1) == 1 && second != null ? second.getInstant() : first.getInstant();
    }
    if (zone.equals("Pacific/Apia") && g.between(0, 3) == 0) {
      anchor = Instant.parse("2011-12-30T10:00:00Z"); // the skipped day
    }
    long offset = g.between(-spread.toSeconds(), spread.toSeconds() / 3);
    return new Case(cron, zone, anchor.plusSeconds(offset));
  }

  @Test
  void minuteTicksAreExactlyTheIndependentOnes() {
    Generated g = new Generated(1);
    for (int i = 0; i < 300; i++) {
      checkAgainstIndependent(
          near(g, minuteExpression(g), Duration.ofDays(3)),
          Duration.ofDays(3),
          Duration.ofMinutes(1));
    }
  }

  @Test
  void secondTicksAreExactlyTheIndependentOnes() {
    Generated g = new Generated(2);
    for (int i = 0; i < 40; i++) {
      checkAgainstIndependent(
          near(g, secondExpression(g), Duration.ofHours(3)),
          Duration.ofHours(3),
          Duration.ofSeconds(1));
    }
  }

  @Test
  void ticksStrictlyIncreaseMatchInLocalTimeAndLookBackToThemselves() {
    Generated g = new Generated(3);
    for (int i = 0; i < 300; i++) {
      Case c = near(g, minuteExpression(g), Duration.ofDays(3));
      CronSchedule schedule = CronSchedule.parse(c.cron(), c.zone());
      ZoneRules rules = ZoneId.of(c.zone()).getRules();
      Instant previous = schedule.latestAtOrBefore(c.start());
      Instant after = c.start();
      for (Instant tick : schedule.ticksAfter(c.start(), 40)) {
        assertThat(tick).as("%s", c).isAfter(after);
        LocalDateTime local = LocalDateTime.ofInstant(tick, ZoneId.of(c.zone()));
        assertThat(
                schedule.cron().matches(local)
                    || endsAGapHidingAMatch(schedule.cron(), rules, tick))
            .as("%s: tick %s (%s local) matches or ends a gap that hid a match", c, tick, local)
            .isTrue();
        assertThat(schedule.latestAtOrBefore(tick)).as("%s", c).isEqualTo(tick);
        assertThat(schedule.latestAtOrBefore(tick.minusMillis(1))).as("%s", c).isEqualTo(previous);
        previous = tick;
        after = tick;
      }
    }
  }

  private static boolean endsAGapHidingAMatch(CronExpression cron, ZoneRules rules, Instant tick) {
    ZoneOffsetTransition t = rules.previousTransition(tick.plusNanos(1));
    if (t == null || !t.isGap() || !t.getInstant().equals(tick)) {
      return false;
    }
    LocalDateTime hidden = cron.nextMatch(t.getDateTimeBefore());
    return hidden != null && hidden.isBefore(t.getDateTimeAfter());
  }

  private static void checkAgainstIndependent(Case c, Duration window, Duration step) {
    ZoneId zone = ZoneId.of(c.zone());
    ZoneRules rules = zone.getRules();
    CronExpression cron = CronExpression.parse(c.cron());
    Instant end = c.start().plus(window);
    LocalDateTime local =
        LocalDateTime.ofInstant(c.start(), zone).minusHours(3).withNano(0).withSecond(0);
    LocalDateTime lastLocal = LocalDateTime.ofInstant(end, zone).plusHours(3);
    TreeSet<Instant> expected = new TreeSet<>();
    for (; !local.isAfter(lastLocal); local = local.plus(step)) {
      if (!cron.matches(local)) {
        continue;
      }
      ZoneOffsetTransition transition = rules.getTransition(local);
      Instant instant =
          transition != null && transition.isGap()
              ? transition.getInstant()
              : ZonedDateTime.ofLocal(local, zone, null).toInstant(); // null: the earlier offset
      if (instant.isAfter(c.start()) && !instant.isAfter(end)) {
        expected.add(instant);
      }
    }
    CronSchedule schedule = new CronSchedule(cron, c.zone());
    List<Instant> actual = new ArrayList<>();
    Instant t = c.start();
    while ((t = schedule.nextAfter(t)) != null && !t.isAfter(end)) {
      actual.add(t);
    }
    assertThat(actual).as("%s (seed %d)", c, Generated.SEED).isEqualTo(List.copyOf(expected));
  }
}
