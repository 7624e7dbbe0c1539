package org.globustimer.core.cron;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronDescriptionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 2 * * *         | Europe/Berlin | at 02:00 Europe/Berlin, every day",
        "@daily            | UTC           | at 00:00 UTC, every day",
        "30 8,20 * * 1-5   | UTC           | at 08:30 and 20:30 UTC, on Monday to Friday",
        "0 9 * * SAT,SUN   | UTC           | at 09:00 UTC, on Saturday and Sunday",
        "0 0 1 * *         | UTC           | at 00:00 UTC, on day 1 of the month",
        "0 0 L * *         | UTC           | at 00:00 UTC, on the last day of the month",
        "0 0 15W * *       | UTC           | at 00:00 UTC, on the weekday nearest day 15 of the month",
        "0 0 * * 5L        | UTC           | at 00:00 UTC, on the last Friday of the month",
        "0 0 * * 2#2       | UTC           | at 00:00 UTC, on the second Tuesday of the month",
        "0 0 13 * 5        | UTC           | at 00:00 UTC, on day 13 of the month or on Friday",
        "0 6 1 1,7 *       | UTC           | at 06:00 UTC, on day 1 of the month, in January and July",
        "*/15 * * * *      | UTC           | every 15 minutes, every day, UTC time",
        "*/15 9-17 * * *   | Asia/Kolkata  | every 15 minutes during hours 09-17, every day, Asia/Kolkata time",
        "30 * * * *        | UTC           | minute 30 of every hour, every day, UTC time",
        "*/10 * * * * *    | UTC           | every 10 seconds, every day, UTC time",
        "* * * * *         | UTC           | every minute, every day, UTC time",
        "15 30 4 * * *     | UTC           | at 04:30:15 UTC, every day",
      })
  void inWords(String cron, String zone, String words) {
    assertThat(CronDescription.describe(CronSchedule.parse(cron, zone))).isEqualTo(words);
  }
}
