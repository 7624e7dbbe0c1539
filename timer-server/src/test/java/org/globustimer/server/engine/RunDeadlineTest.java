package org.globustimer.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.globustimer.core.timer.ResumePolicy;
import org.globustimer.core.timer.RunRow;
import org.globustimer.core.timer.Schedules;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.core.timer.TimerType;
import org.junit.jupiter.api.Test;

class RunDeadlineTest {

  static final Instant RAN_AT = Instant.parse("2030-01-01T00:00:00Z");

  private static TimerRow timer(String callbackBody, String body) {
    TimerDefinition definition =
        new TimerDefinition(
            "t",
            body == null ? TimerType.GENERIC : TimerType.TRANSFER,
            1,
            RAN_AT,
            Duration.ofHours(8),
            null,
            null,
            "http://127.0.0.1/run",
            callbackBody,
            null,
            body,
            null,
            ResumePolicy.RUN_ONCE);
    return new TimerRow(
        UUID.randomUUID(), "me", RAN_AT, definition, Schedules.initial(definition, RAN_AT));
  }

  private static RunRow run(TimerRow timer) {
    return RunRow.submitting(timer.id(), 0, RAN_AT, "r", RAN_AT, RAN_AT.plusSeconds(60));
  }

  @Test
  void theServiceTimeoutCountsFromTheRunsStart() {
    TimerRow timer = timer("{\"body\": {}}", null);
    RunDeadline deadline = RunDeadline.of(timer, run(timer), Duration.ofHours(24));
    assertThat(deadline.at()).isEqualTo(RAN_AT.plus(Duration.ofHours(24)));
    assertThat(deadline.why()).contains("24 h");
  }

  @Test
  void anEarlierDeadlineInTheRequestOrTheTransferBodyWinsAfterAGrace() {
    TimerRow outer = timer("{\"deadline\": \"2030-01-01T01:00:00Z\", \"body\": {}}", null);
    assertThat(RunDeadline.of(outer, run(outer), Duration.ofHours(24)).at())
        .isEqualTo(Instant.parse("2030-01-01T01:00:00Z").plus(RunDeadline.GRACE));
    TimerRow transfer =
        timer("{\"body\": {}}", "{\"deadline\": \"2030-01-01T02:00:00+00:00\", \"DATA\": []}");
    RunDeadline fromBody = RunDeadline.of(transfer, run(transfer), Duration.ofHours(24));
    assertThat(fromBody.at()).isEqualTo(Instant.parse("2030-01-01T02:00:30Z"));
    assertThat(fromBody.why()).contains("deadline 2030-01-01T02:00:00");
  }

  @Test
  void aLaterDeadlineOrNoneLeavesTheTimeoutAndZeroMeansNever() {
    TimerRow later = timer("{\"deadline\": \"2031-01-01T00:00:00Z\", \"body\": {}}", null);
    assertThat(RunDeadline.of(later, run(later), Duration.ofHours(1)).at())
        .isEqualTo(RAN_AT.plus(Duration.ofHours(1)));
    TimerRow plain = timer("{\"body\": {}, \"deadline\": \"not a time\"}", null);
    assertThat(RunDeadline.of(plain, run(plain), Duration.ZERO)).isNull();
  }
}
