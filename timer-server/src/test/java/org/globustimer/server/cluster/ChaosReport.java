package org.globustimer.server.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.globustimer.server.store.TestPostgres;

/** What the chaos soak found: its figures, computed from the runs table and the nodes' logs. */
final class ChaosReport {

  /** A stretch in which ticks may be missed: from a disruption until its leases ran out. */
  record Window(Instant from, Instant to) {
    boolean covers(Instant t) {
      return !t.isBefore(from) && !t.isAfter(to);
    }
  }

  record Run(UUID timer, Instant tick, Instant ranAt, String state) {}

  long expected;
  long fired;
  long firedTwice;
  long missedOutsideWindows;
  long collapsedInWindows;
  long transfersDiffering;
  long transfersRunTwiceAtOnce;
  long notificationsExpected;
  long notificationsLost;
  long notificationsDoubled;
  long notificationsRepeated;
  final List<String> problems = new ArrayList<>();

  static List<Run> runs(TestPostgres.Database db) {
    return Cluster.query(
        db,
        "SELECT timer_id, tick_at, ran_at, state FROM runs",
        rs ->
            new Run(
                rs.getObject(1, UUID.class),
                Instant.ofEpochMilli(rs.getLong(2)),
                Instant.ofEpochMilli(rs.getLong(3)),
                rs.getString(4)));
  }

  /**
   * Ticks of {@code timers} (all starting at {@code start}, every {@code interval}) up to {@code
   * until}: each must have run, unless it fell in a disruption's window or within {@code tolerated}
   * (a lease window) of the timer's previous run; and no run may come for a tick that was already
   * due when the timer's previous run fired (two runs for one stretch).
   */
  void ticks(
      List<UUID> timers,
      Instant start,
      Duration interval,
      Instant until,
      Duration tolerated,
      List<Run> runs,
      List<Window> windows) {
    Map<UUID, List<Run>> byTimer = new HashMap<>();
    for (Run r : runs) {
      byTimer.computeIfAbsent(r.timer(), k -> new ArrayList<>()).add(r);
    }
    for (UUID timer : timers) {
      List<Run> mine = new ArrayList<>(byTimer.getOrDefault(timer, List.of()));
      mine.removeIf(r -> r.tick().isAfter(until) || r.tick().isBefore(start));
      mine.sort((x, y) -> x.tick().compareTo(y.tick()));
      java.util.Set<Instant> ran = new java.util.HashSet<>();
      for (int i = 0; i < mine.size(); i++) {
        ran.add(mine.get(i).tick());
        if (i > 0 && !mine.get(i).tick().isAfter(mine.get(i - 1).ranAt())) {
          firedTwice++;
          problems.add(
              "timer "
                  + timer
                  + ": tick "
                  + mine.get(i).tick()
                  + " ran after "
                  + mine.get(i - 1).tick()
                  + " had run at "
                  + mine.get(i - 1).ranAt());
        }
      }
      fired += ran.size();
      // a tick missed in a gap no longer than a lease window (a node late or gone for less than
      // a lease) collapsed as designed; a longer gap needs a disruption to explain it
      Instant previous = null;
      for (Instant t = start; !t.isAfter(until); t = t.plus(interval)) {
        expected++;
        if (ran.contains(t)) {
          previous = t;
          continue;
        }
        Instant tick = t;
        boolean shortGap =
            previous != null && Duration.between(previous, t).compareTo(tolerated) <= 0;
        if (shortGap || windows.stream().anyMatch(w -> w.covers(tick))) {
          collapsedInWindows++;
        } else {
          missedOutsideWindows++;
          problems.add("timer " + timer + ": tick " + t + " missed outside every window");
        }
      }
    }
  }

  /**
   * The webhook deliveries against the succeeded runs of {@code timers} (which notify of every
   * success) with ticks from {@code from} to {@code until}: a run without a delivery is lost; one
   * told by two different notifications is doubled. The same notification delivered again (its node
   * killed after sending, before recording it) is a repeat, which receivers recognise by its id; it
   * is counted apart.
   */
  void notifications(
      List<UUID> timers,
      Instant from,
      Instant until,
      List<Run> runs,
      List<org.globustimer.server.testkit.WebhookReceiver.Delivery> deliveries)
      throws IOException {
    Map<String, java.util.Set<String>> idsByRun = new HashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (var d : deliveries) {
      var body = org.globustimer.core.json.Json.mapper().readTree(d.body());
      String key =
          body.at("/timer/job_id").asText()
              + " "
              + OffsetDateTime.parse(body.at("/run/tick_at").asText()).toInstant();
      idsByRun.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(d.id());
      if (!seen.add(d.id())) {
        notificationsRepeated++;
      }
    }
    java.util.Set<UUID> notified = new java.util.HashSet<>(timers);
    for (Run r : runs) {
      if (!notified.contains(r.timer())
          || !"SUCCEEDED".equals(r.state())
          || r.tick().isBefore(from)
          || r.tick().isAfter(until)) {
        continue;
      }
      notificationsExpected++;
      java.util.Set<String> ids = idsByRun.getOrDefault(r.timer() + " " + r.tick(), Set.of());
      if (ids.isEmpty()) {
        notificationsLost++;
        problems.add("timer " + r.timer() + ": no notification of tick " + r.tick());
      } else if (ids.size() > 1) {
        notificationsDoubled++;
        problems.add("timer " + r.timer() + ": tick " + r.tick() + " notified as " + ids);
      }
    }
  }

  private static final Pattern LINE =
      Pattern.compile("^(\\S+) .* transfer ([0-9a-f-]{36}) (runs|stops) here");

  record Span(String node, Instant from, Instant to) {}

  /**
   * Overlaps, between nodes, of the intervals in which each ran each transfer action, from their
   * logs; a node killed while running one ran it until its kill.
   */
  void transferOwnership(Map<String, Path> logs, Map<String, List<Instant>> kills)
      throws IOException {
    Map<String, List<Span>> byAction = new HashMap<>();
    for (var entry : logs.entrySet()) {
      String node = entry.getKey();
      // events in time order: "runs" and "stops" from the log, a kill closes whatever is open
      List<Object[]> events = new ArrayList<>();
      for (String line : Files.readAllLines(entry.getValue())) {
        Matcher m = LINE.matcher(line);
        if (m.find()) {
          events.add(
              new Object[] {OffsetDateTime.parse(m.group(1)).toInstant(), m.group(3), m.group(2)});
        }
      }
      for (Instant kill : kills.getOrDefault(node, List.of())) {
        events.add(new Object[] {kill, "kill", null});
      }
      events.sort((x, y) -> ((Instant) x[0]).compareTo((Instant) y[0]));
      Map<String, Instant> open = new HashMap<>();
      for (Object[] e : events) {
        Instant at = (Instant) e[0];
        switch ((String) e[1]) {
          case "runs" -> open.put((String) e[2], at);
          case "stops" -> {
            Instant from = open.remove((String) e[2]);
            if (from != null) {
              byAction
                  .computeIfAbsent((String) e[2], k -> new ArrayList<>())
                  .add(new Span(node, from, at));
            }
          }
          default -> {
            open.forEach(
                (action, from) ->
                    byAction
                        .computeIfAbsent(action, k -> new ArrayList<>())
                        .add(new Span(node, from, at)));
            open.clear();
          }
        }
      }
      Instant now = Instant.now();
      open.forEach(
          (action, from) ->
              byAction
                  .computeIfAbsent(action, k -> new ArrayList<>())
                  .add(new Span(node, from, now)));
    }
    for (var entry : byAction.entrySet()) {
      List<Span> spans = entry.getValue();
      for (int i = 0; i < spans.size(); i++) {
        for (int j = i + 1; j < spans.size(); j++) {
          Span x = spans.get(i);
          Span y = spans.get(j);
          if (!x.node().equals(y.node())
              && x.from().isBefore(y.to())
              && y.from().isBefore(x.to())) {
            transfersRunTwiceAtOnce++;
            problems.add("transfer " + entry.getKey() + " ran on " + x + " and " + y);
          }
        }
      }
    }
  }

  void print(PrintStream out) {
    out.printf(
        "ticks expected %d, fired %d (collapsed in disruption windows %d)%n",
        expected, fired, collapsedInWindows);
    out.printf("ticks fired twice: %d%n", firedTwice);
    out.printf("ticks missed beyond the lease windows: %d%n", missedOutsideWindows);
    out.printf("transfers whose destination differs from the source: %d%n", transfersDiffering);
    out.printf("transfer actions run by two nodes at once: %d%n", transfersRunTwiceAtOnce);
    out.printf(
        "notifications expected %d, lost %d, doubled %d (repeated deliveries of one id: %d)%n",
        notificationsExpected, notificationsLost, notificationsDoubled, notificationsRepeated);
    problems.stream().limit(20).forEach(p -> out.println("  " + p));
  }
}
