package org.globustimer.core.timer;

import java.time.Duration;
import java.time.Instant;
import org.globustimer.core.schedule.Every;
import org.globustimer.core.schedule.Once;
import org.globustimer.core.schedule.Schedule;

/**
 * What the user asked for: a timer's schedule and its action. {@code interval} is null for a timer
 * that runs once. JSON columns are kept as text.
 */
public record TimerDefinition(
    String name,
    TimerType type,
    int apiVersion,
    Instant start,
    Duration interval,
    Instant endAt,
    Integer endRuns,
    String callbackUrl,
    String callbackBody,
    String scope,
    String body,
    String flowId,
    ResumePolicy resumePolicy) {

  public boolean runsOnce() {
    return interval == null;
  }

  public Schedule schedule() {
    return runsOnce() ? new Once(start) : new Every(start, interval);
  }

  public TimerDefinition withName(String newName) {
    return new TimerDefinition(
        newName,
        type,
        apiVersion,
        start,
        interval,
        endAt,
        endRuns,
        callbackUrl,
        callbackBody,
        scope,
        body,
        flowId,
        resumePolicy);
  }

  public TimerDefinition withSchedule(Duration newInterval, Instant newEndAt, Integer newEndRuns) {
    return new TimerDefinition(
        name,
        type,
        apiVersion,
        start,
        newInterval,
        newEndAt,
        newEndRuns,
        callbackUrl,
        callbackBody,
        scope,
        body,
        flowId,
        resumePolicy);
  }
}
