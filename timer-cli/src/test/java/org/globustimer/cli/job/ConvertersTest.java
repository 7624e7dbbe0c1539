package org.globustimer.cli.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {

  @Test
  void intervalsAreSecondsOrUnits() {
    var converter = new Converters.IntervalConverter();
    assertThat(converter.convert("28800")).isEqualTo(Duration.ofHours(8));
    assertThat(converter.convert("1w 2d 3h 4m 5s"))
        .isEqualTo(Duration.ofDays(9).plusHours(3).plusMinutes(4).plusSeconds(5));
    assertThat(converter.convert("1d")).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void junkZeroAndNegativeIntervalsAreRefused() {
    var converter = new Converters.IntervalConverter();
    for (String bad : new String[] {"10x", "600 seconds please", "0", "-5", "", "1h junk"}) {
      assertThatThrownBy(() -> converter.convert(bad))
          .as(bad)
          .isInstanceOf(TypeConversionException.class);
    }
  }

  @Test
  void timesWithOffsetsAreExactAndNaiveTimesAreLocal() {
    var converter = new Converters.TimeConverter();
    assertThat(converter.convert("2020-01-01T12:34:56Z"))
        .isEqualTo(Instant.parse("2020-01-01T12:34:56Z"));
    assertThat(converter.convert("2020-01-01 12:34:56+02:00"))
        .isEqualTo(Instant.parse("2020-01-01T10:34:56Z"));
    assertThat(converter.convert("2020-01-01T12:34:56"))
        .isEqualTo(
            java.time.LocalDateTime.parse("2020-01-01T12:34:56")
                .atZone(java.time.ZoneId.systemDefault())
                .toInstant());
    assertThat(converter.convert("2020-01-01")).isNotNull();
  }

  @Test
  void unparseableTimesAreRefused() {
    var converter = new Converters.TimeConverter();
    for (String bad : new String[] {"tomorrow", "2020-13-01", "01/02/2020", "2020-01-01T25:00"}) {
      assertThatThrownBy(() -> converter.convert(bad))
          .as(bad)
          .isInstanceOf(TypeConversionException.class);
    }
  }

  @Test
  void syncLevelsAreNumbersOrNames() {
    var converter = new TransferValues.SyncLevelConverter();
    assertThat(converter.convert("0")).isZero();
    assertThat(converter.convert("3")).isEqualTo(3);
    assertThat(converter.convert("exists")).isZero();
    assertThat(converter.convert("SIZE")).isEqualTo(1);
    assertThat(converter.convert("mtime")).isEqualTo(2);
    assertThat(converter.convert("checksum")).isEqualTo(3);
    assertThatThrownBy(() -> converter.convert("4")).isInstanceOf(TypeConversionException.class);
    assertThatThrownBy(() -> converter.convert("fast")).isInstanceOf(TypeConversionException.class);
  }

  @Test
  void runCountsStartAtOne() {
    var converter = new Converters.RunCountConverter();
    assertThat(converter.convert("1")).isEqualTo(1);
    assertThatThrownBy(() -> converter.convert("0"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> converter.convert("-2")).isInstanceOf(TypeConversionException.class);
    assertThatThrownBy(() -> converter.convert("many")).isInstanceOf(TypeConversionException.class);
  }

  @Test
  void recursiveFlagsAcceptTheSeedsSpellings() {
    assertThat(TransferValues.parseBoolean("false")).isFalse();
    assertThat(TransferValues.parseBoolean("True")).isTrue();
    assertThat(TransferValues.parseBoolean("yes")).isTrue();
    assertThat(TransferValues.parseBoolean("0")).isFalse();
    assertThatThrownBy(() -> TransferValues.parseBoolean("maybe"))
        .isInstanceOf(TypeConversionException.class);
  }
}
