package org.globustimer.core.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

  private static List<LocalDateTime> matches(String expression, String from, int count) {
    CronExpression cron = CronExpression.parse(expression);
    List<LocalDateTime> found = new ArrayList<>();
    LocalDateTime t = LocalDateTime.parse(from);
    while (found.size() < count) {
      t = cron.nextMatch(t);
      found.add(t);
      t = t.plusSeconds(1);
    }
    return found;
  }

  private static LocalDateTime at(String text) {
    return LocalDateTime.parse(text);
  }

  @Test
  void fiveFieldsMatchOnTheMinute() {
    assertThat(matches("30 2 * * *", "2026-05-01T00:00", 2))
        .containsExactly(at("2026-05-01T02:30"), at("2026-05-02T02:30"));
  }

  @Test
  void sixFieldsStartWithSeconds() {
    assertThat(matches("*/20 0 12 * * *", "2026-05-01T00:00", 4))
        .containsExactly(
            at("2026-05-01T12:00:00"),
            at("2026-05-01T12:00:20"),
            at("2026-05-01T12:00:40"),
            at("2026-05-02T12:00:00"));
  }

  @Test
  void rangesStepsListsAndNames() {
    assertThat(matches("0 9-17/4 * JAN,jul MON-FRI", "2026-07-03T10:00", 4))
        .containsExactly(
            at("2026-07-03T13:00"),
            at("2026-07-03T17:00"),
            at("2026-07-06T09:00"),
            at("2026-07-06T13:00"));
  }

  @Test
  void sundayIsZeroOrSeven() {
    assertThat(matches("0 0 * * 7", "2026-05-01T00:00", 1)).containsExactly(at("2026-05-03T00:00"));
    assertThat(matches("0 0 * * 0", "2026-05-01T00:00", 1)).containsExactly(at("2026-05-03T00:00"));
    assertThat(matches("0 0 * * 5-7", "2026-05-01T00:01", 3))
        .containsExactly(at("2026-05-02T00:00"), at("2026-05-03T00:00"), at("2026-05-08T00:00"));
  }

  @Test
  void restrictedDayOfMonthAndDayOfWeekEitherMatches() {
    // the 13th, or any Friday
    assertThat(matches("0 0 13 * FRI", "2026-02-01T00:00", 4))
        .containsExactly(
            at("2026-02-06T00:00"),
            at("2026-02-13T00:00"),
            at("2026-02-20T00:00"),
            at("2026-02-27T00:00"));
    assertThat(matches("0 0 13 * ?", "2026-02-01T00:00", 1))
        .containsExactly(at("2026-02-13T00:00"));
  }

  @Test
  void aliases() {
    assertThat(matches("@daily", "2026-05-01T00:00:01", 1)).containsExactly(at("2026-05-02T00:00"));
    assertThat(matches("@weekly", "2026-05-01T00:00", 1)).containsExactly(at("2026-05-03T00:00"));
    assertThat(matches("@hourly", "2026-05-01T00:00:01", 1))
        .containsExactly(at("2026-05-01T01:00"));
    assertThat(matches("@monthly", "2026-05-01T00:00:01", 1))
        .containsExactly(at("2026-06-01T00:00"));
    assertThat(matches("@YEARLY", "2026-05-01T00:00", 1)).containsExactly(at("2027-01-01T00:00"));
    assertThat(CronExpression.parse(" @Daily ").text()).isEqualTo("@daily");
  }

  @Test
  void lastDayAndDaysBeforeIt() {
    assertThat(matches("0 0 L * *", "2028-01-31T00:01", 3))
        .containsExactly(at("2028-02-29T00:00"), at("2028-03-31T00:00"), at("2028-04-30T00:00"));
    assertThat(matches("0 0 L-2 2 *", "2027-01-01T00:00", 2))
        .containsExactly(at("2027-02-26T00:00"), at("2028-02-27T00:00"));
  }

  @Test
  void nearestWeekdayStaysInTheMonth() {
    // 2026-08-01 is a Saturday: the nearest weekday in August is Monday the 3rd
    assertThat(matches("0 0 1W * *", "2026-08-01T00:00", 1))
        .containsExactly(at("2026-08-03T00:00"));
    // 2026-08-15 is a Saturday: Friday the 14th; 2026-11-15 is a Sunday: Monday the 16th
    assertThat(matches("0 0 15W 8,11 *", "2026-08-01T00:00", 2))
        .containsExactly(at("2026-08-14T00:00"), at("2026-11-16T00:00"));
    // 2026-05-31 is a Sunday and the month's last day: Friday the 29th
    assertThat(matches("0 0 31W 5 *", "2026-05-01T00:00", 1))
        .containsExactly(at("2026-05-29T00:00"));
    // 31W never fires in a 30-day month
    assertThat(matches("0 0 31W 4,5 *", "2026-04-01T00:00", 1))
        .containsExactly(at("2026-05-29T00:00"));
  }

  @Test
  void lastWeekdayOfTheMonth() {
    // 2026-05-31 is a Sunday, 2026-06-30 a Tuesday
    assertThat(matches("0 0 LW * *", "2026-05-01T00:00", 2))
        .containsExactly(at("2026-05-29T00:00"), at("2026-06-30T00:00"));
  }

  @Test
  void lastAndNthWeekdayOfTheMonth() {
    assertThat(matches("0 0 * * 5L", "2026-05-01T00:00", 2))
        .containsExactly(at("2026-05-29T00:00"), at("2026-06-26T00:00"));
    assertThat(matches("0 0 * * TUE#2", "2026-05-01T00:00", 2))
        .containsExactly(at("2026-05-12T00:00"), at("2026-06-09T00:00"));
    // a fifth Monday in February only when Feb 29 is a Monday
    assertThat(matches("0 0 * 2 1#5", "2026-01-01T00:00", 1))
        .containsExactly(at("2044-02-29T00:00"));
  }

  @Test
  void previousMatchMirrorsNextMatch() {
    CronExpression cron = CronExpression.parse("0 9-17/4 L,15W * *");
    LocalDateTime t = at("2026-01-01T00:00");
    for (int i = 0; i < 200; i++) {
      LocalDateTime next = cron.nextMatch(t);
      assertThat(cron.previousMatch(next)).isEqualTo(next);
      assertThat(cron.previousMatch(next.minusSeconds(1))).isBefore(next);
      assertThat(cron.nextMatch(cron.previousMatch(next.minusSeconds(1)).plusSeconds(1)))
          .isEqualTo(next);
      t = next.plusSeconds(1);
    }
  }

  @Test
  void matchesChecksEveryField() {
    CronExpression cron = CronExpression.parse("15 10 * * MON");
    assertThat(cron.matches(at("2026-05-04T10:15"))).isTrue();
    assertThat(cron.matches(at("2026-05-04T10:15:01"))).isFalse();
    assertThat(cron.matches(at("2026-05-05T10:15"))).isFalse();
    assertThat(cron.matchesDay(LocalDate.parse("2026-05-11"))).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 25 * * *      | 3  | hour 25 is out of range 0-23",
        "0 2 * *         | 0  | has 4 fields",
        "0 2 * * * * *   | 0  | has 7 fields",
        "61 2 * * *      | 1  | minute 61 is out of range 0-59",
        "0 2 * FOO *     | 7  | 'FOO' is not a month",
        "0 2 * * MON-    | 13 | expected a number in the day of week field",
        "0 22-2 * * *    | 6  | the range 22-2 goes backwards; split it, for example 22-23,0-2",
        "*/0 * * * *     | 3  | step 0 is out of range",
        "0 2 * * 1#6     | 11 | outside 1-5",
        "0 2 1, * *      | 6  | ends with a comma",
        "0 2 1,,2 * *    | 7  | empty item",
        "0 2 L-31 * *    | 7  | reaches before",
        "0 ? * * *       | 3  | '?' is only for day of month or day of week",
        "0 2 32W * *     | 5  | day of month 32 is out of range 1-31",
        "0 2x * * *      | 4  | unexpected 'x' after '2'",
        "0 0 31 2,4 *    | 0  | never matches",
        "@often          | 1  | unknown alias '@often'",
      })
  void badExpressionsSayWhereAndWhat(String expression, int position, String problem) {
    assertThatThrownBy(() -> CronExpression.parse(expression))
        .isInstanceOfSatisfying(
            CronSyntaxException.class,
            e -> {
              assertThat(e.position()).isEqualTo(position);
              assertThat(e.problem()).contains(problem);
              assertThat(e.getMessage()).contains(CronSyntaxException.EXAMPLE);
            });
  }

  @Test
  void emptyExpression() {
    assertThatThrownBy(() -> CronExpression.parse("  "))
        .isInstanceOf(CronSyntaxException.class)
        .hasMessageContaining("is empty");
  }
}
