package org.globustimer.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast paths answer exactly what the JDK's ISO formatter answers, or leave the text to it. */
class IsoTextTest {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  @Test
  void printsWhatTheFormatterPrints() {
    Random random = new Random(42);
    long earliest = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long latest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      long second = earliest + (long) (random.nextDouble() * (latest - earliest));
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            default -> random.nextInt(1_000_000) * 1_000;
          };
      Instant instant = Instant.ofEpochSecond(second, nanos).truncatedTo(ChronoUnit.MICROS);
      assertThat(IsoText.formatUtcOrNull(instant))
          .as("%s", instant)
          .isEqualTo(ISO.format(instant.atOffset(ZoneOffset.UTC)));
      String text = ISO.format(instant.atOffset(ZoneOffset.ofHoursMinutes(i % 15 - 7, 0)));
      assertThat(IsoText.parseOrNull(text)).as(text).isEqualTo(instant);
    }
  }

  @Test
  void leavesOtherYearsToTheFormatter() {
    assertThat(IsoText.formatUtcOrNull(Instant.parse("+10000-01-01T00:00:00Z"))).isNull();
    assertThat(IsoText.formatUtcOrNull(Instant.parse("-0001-01-01T00:00:00Z"))).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2030-01-01T12:00:00Z",
        "2030-01-01T12:00:00.5Z",
        "2030-01-01T12:00:00.123456789Z",
        "2030-01-01T12:00:00.1234567891Z",
        "2030-01-01T12:00:00.Z",
        "2030-01-01T12:00:00-05:30",
        "2030-01-01T12:00:00+18:00",
        "2030-01-01T12:00:00+18:30",
        "2030-01-01T12:00:00-00:00",
        "2030-01-01T12:00:00+0530",
        "2030-01-01T12:00Z",
        "2030-01-01t12:00:00z",
        "2030-02-30T12:00:00Z",
        "2030-13-01T12:00:00Z",
        "2030-01-01T24:00:00Z",
        "2030-01-01T23:59:60Z",
        "2030-01-01T12:60:00Z",
        "2030-01-01T12:00:00",
        "2030-01-01 12:00:00Z",
        "203a-01-01T12:00:00Z",
        "2030-01-01T12:00:00+5:30",
        "2030-01-01T12:00:00.12+05:30",
        "0000-01-01T00:00:00Z",
        "+2030-01-01T12:00:00Z",
        "2030-01-01T12:00:00ZZ",
        "2030-01-01T12:00:00+05:30:00",
        ""
      })
  void parsesOnlyWhatTheFormatterParsesTheSame(String text) {
    Instant fast = IsoText.parseOrNull(text);
    Instant slow;
    try {
      slow = OffsetDateTime.parse(text, ISO).toInstant();
    } catch (DateTimeParseException e) {
      slow = null;
    }
    if (fast != null) {
      assertThat(fast).isEqualTo(slow);
    }
  }
}
