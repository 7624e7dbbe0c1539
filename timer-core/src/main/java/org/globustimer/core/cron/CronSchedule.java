package org.globustimer.core.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cron expression read in a time zone: its ticks are the instants at which the zone's local time
 * matches. Daylight-saving changes follow two rules:
 *
 * <ul>
 *   <li>a matching local time that does not exist (clocks jump forward over it) fires once, at the
 *       first instant after the gap, however many matching times the gap swallowed;
 *   <li>a matching local time that occurs twice (clocks go back) fires once, at its first
 *       occurrence.
 * </ul>
 *
 * The zone's rules are read at each computation ({@link Zones#currentRules}), so a tzdata update
 * changes the ticks computed after it. Ticks fall on whole seconds.
 */
public record CronSchedule(CronExpression cron, String zone) {

  public CronSchedule {
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(zone, "zone");
  }

  /** Parses both parts; throws {@link CronSyntaxException} for either. */
  public static CronSchedule parse(String expression, String zone) {
    return new CronSchedule(
        CronExpression.parse(expression), Zones.parse(zone == null ? "UTC" : zone));
  }

  /** The first tick strictly after {@code after}, or null if the expression matches no more. */
  public Instant nextAfter(Instant after) {
    ZoneRules rules = Zones.currentRules(zone);
    LocalDateTime from = LocalDateTime.ofInstant(after, rules.getOffset(after));
    ZoneOffsetTransition overlap = rules.getTransition(from);
    if (overlap != null
        && overlap.isOverlap()
        && rules.getOffset(after).equals(overlap.getOffsetAfter())) {
      // In the second pass through a repeated hour: its matches already fired on the first pass.
      from = overlap.getDateTimeBefore();
    }
    LocalDateTime candidate = cron.nextMatch(from);
    while (candidate != null) {
      Instant tick = instantOf(candidate, rules);
      if (tick.isAfter(after)) {
        return tick;
      }
      candidate = cron.nextMatch(candidate.plusSeconds(1));
    }
    return null;
  }

  /** The first tick at or after {@code at}, or null. */
  public Instant firstAtOrAfter(Instant at) {
    return nextAfter(at.minusNanos(1));
  }

  /** The latest tick at or before {@code at}, or null if there is none within 400 years. */
  public Instant latestAtOrBefore(Instant at) {
    ZoneRules rules = Zones.currentRules(zone);
    LocalDateTime from = LocalDateTime.ofInstant(at, rules.getOffset(at));
    ZoneOffsetTransition overlap = rules.getTransition(from);
    if (overlap != null
        && overlap.isOverlap()
        && rules.getOffset(at).equals(overlap.getOffsetAfter())) {
      // Every repeated local time before the overlap's end fired on its first pass, before now.
      from = overlap.getDateTimeBefore().minusSeconds(1);
    }
    LocalDateTime candidate = cron.previousMatch(from);
    while (candidate != null) {
      Instant tick = instantOf(candidate, rules);
      if (!tick.isAfter(at)) {
        return tick;
      }
      candidate = cron.previousMatch(candidate.minusSeconds(1));
    }
    return null;
  }

  /** Up to {@code count} ticks strictly after {@code after}, in order. */
  public List<Instant> ticksAfter(Instant after, int count) {
    List<Instant> ticks = new ArrayList<>();
    Instant t = after;
    while (ticks.size() < count && (t = nextAfter(t)) != null) {
      ticks.add(t);
    }
    return ticks;
  }

  /** The tick's date and time in the schedule's zone. */
  public OffsetDateTime local(Instant tick) {
    return tick.atOffset(Zones.currentRules(zone).getOffset(tick));
  }

  /** The instant a matching local time fires at under {@code rules} (the two rules above). */
  static Instant instantOf(LocalDateTime local, ZoneRules rules) {
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.size() == 1) {
      return local.toInstant(offsets.get(0));
    }
    ZoneOffsetTransition transition = rules.getTransition(local);
    if (offsets.isEmpty()) {
      return transition.getInstant();
    }
    return local.toInstant(transition.getOffsetBefore());
  }
}
