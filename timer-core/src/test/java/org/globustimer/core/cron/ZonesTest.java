package org.globustimer.core.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesProvider;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ZonesTest {

  /** A rules provider whose one zone can be changed, as a tzdata update changes a real zone. */
  static final class ChangingRules extends ZoneRulesProvider {
    static final String ZONE = "Test/Changing";
    static volatile ZoneRules current = ZoneOffset.ofHours(1).getRules();

    @Override
    protected Set<String> provideZoneIds() {
      return Set.of(ZONE);
    }

    @Override
    protected ZoneRules provideRules(String zoneId, boolean forCaching) {
      return current;
    }

    @Override
    protected NavigableMap<String, ZoneRules> provideVersions(String zoneId) {
      return new TreeMap<>();
    }
  }

  @Test
  void rulesAreReadAtEachComputation() {
    if (!ZoneRulesProvider.getAvailableZoneIds().contains(ChangingRules.ZONE)) {
      ZoneRulesProvider.registerProvider(new ChangingRules());
    }
    CronSchedule schedule = CronSchedule.parse("0 2 * * *", ChangingRules.ZONE);
    Instant after = Instant.parse("2030-05-31T12:00:00Z");
    assertThat(schedule.nextAfter(after)).isEqualTo(Instant.parse("2030-06-01T01:00:00Z"));

    // the zone adopts summer time (+02:00) from 2030-03-31 on
    ZoneOffset winter = ZoneOffset.ofHours(1);
    ZoneOffset summer = ZoneOffset.ofHours(2);
    ZoneOffsetTransition change =
        ZoneOffsetTransition.of(LocalDateTime.parse("2030-03-31T02:00"), winter, summer);
    ChangingRules.current = ZoneRules.of(winter, winter, List.of(), List.of(change), List.of());

    assertThat(schedule.nextAfter(after)).isEqualTo(Instant.parse("2030-06-01T00:00:00Z"));
    ChangingRules.current = ZoneOffset.ofHours(1).getRules();
  }

  @Test
  void unknownZoneNamesTheClosestOne() {
    assertThatThrownBy(() -> Zones.parse("Europe/Berln"))
        .isInstanceOf(CronSyntaxException.class)
        .hasMessageContaining(
            "'Europe/Berln' is not a known time zone (did you mean Europe/Berlin?)")
        .hasMessageContaining("Europe/Berlin, America/New_York or UTC");
    assertThatThrownBy(() -> Zones.parse("Nowhere/AtAll"))
        .hasMessageContaining("is not a known time zone;");
  }

  @Test
  void acceptsIanaNamesUtcAndOffsets() {
    assertThat(Zones.parse("UTC")).isEqualTo("UTC");
    assertThat(Zones.parse("europe/berlin")).isEqualTo("Europe/Berlin");
    assertThat(Zones.parse(" Asia/Kolkata ")).isEqualTo("Asia/Kolkata");
    assertThat(Zones.parse("+05:30")).isEqualTo("+05:30");
  }
}
