package org.globustimer.server.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesProvider;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zones whose one offset change a test places a few seconds ahead, so real firing crosses a gap or
 * an overlap within the test. Served by a rules provider registered once per JVM, the way a tzdata
 * update reaches a running service.
 */
final class TestZones extends ZoneRulesProvider {

  static final String GAP = "Test/Gap";
  static final String OVERLAP = "Test/Overlap";

  private static final Map<String, ZoneRules> RULES = new ConcurrentHashMap<>();

  static {
    RULES.put(GAP, ZoneOffset.UTC.getRules());
    RULES.put(OVERLAP, ZoneOffset.UTC.getRules());
    ZoneRulesProvider.registerProvider(new TestZones());
  }

  /** From {@code at} on, the zone's offset changes from {@code before} to {@code after}. */
  static void change(String zone, Instant at, ZoneOffset before, ZoneOffset after) {
    LocalDateTime local = LocalDateTime.ofInstant(at, before);
    ZoneOffsetTransition transition = ZoneOffsetTransition.of(local, before, after);
    RULES.put(
        zone,
        ZoneRules.of(
            before,
            before,
            java.util.List.of(),
            java.util.List.of(transition),
            java.util.List.of()));
  }

  @Override
  protected Set<String> provideZoneIds() {
    return Set.of(GAP, OVERLAP);
  }

  @Override
  protected ZoneRules provideRules(String zoneId, boolean forCaching) {
    return RULES.get(zoneId);
  }

  @Override
  protected NavigableMap<String, ZoneRules> provideVersions(String zoneId) {
    return new TreeMap<>();
  }
}
