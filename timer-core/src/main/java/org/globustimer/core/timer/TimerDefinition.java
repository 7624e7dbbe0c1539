package org.globustimer.core.timer;

import java.time.Duration;
import java.time.Instant;
import org.globustimer.core.schedule.Cron;
import org.globustimer.core.schedule.Every;
import org.globustimer.core.schedule.Once;
import org.globustimer.core.schedule.Schedule;

/**
 * What the user asked for: a timer's schedule and its action. {@code interval} is null for a timer
 * that runs once or on a cron schedule ({@code timing.cron()}). JSON columns are kept as text.
 * {@code runTimeout} bounds how long a run may stay in progress at its provider (null: the
 * service's default; zero: no limit); {@code notifications} says whom its events are told.
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
    ResumePolicy resumePolicy,
    Timing timing,
    Duration runTimeout,
    NotifyPolicy notifications) {

  public TimerDefinition {
    timing = timing == null ? Timing.DEFAULT : timing;
    notifications = notifications == null ? NotifyPolicy.DEFAULT : notifications;
  }

  /** A timer with the service's run timeout and notifications. */
  public TimerDefinition(
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
      ResumePolicy resumePolicy,
      Timing timing) {
    this(
        name,
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
        resumePolicy,
        timing,
        null,
        null);
  }

  /** A timer with the default timing: no cron, no jitter, skip overlaps, catch up one tick. */
  public TimerDefinition(
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
    this(
        name,
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
        resumePolicy,
        Timing.DEFAULT);
  }

  public boolean runsOnce() {
    return interval == null && !isCron();
  }

  public boolean isCron() {
    return timing.cron() != null;
  }

  public Schedule schedule() {
    if (isCron()) {
      return new Cron(start, timing.cron());
    }
    return runsOnce() ? new Once(start) : new Every(start, interval);
  }

  public TimerDefinition withTiming(Timing newTiming) {
    DefinitionCopy c = new DefinitionCopy(this);
    c.timing = newTiming;
    return c.build();
  }

  public TimerDefinition withName(String newName) {
    DefinitionCopy c = new DefinitionCopy(this);
    c.name = newName;
    return c.build();
  }

  public TimerDefinition withSchedule(Duration newInterval, Instant newEndAt, Integer newEndRuns) {
    DefinitionCopy c = new DefinitionCopy(this);
    c.interval = newInterval;
    c.endAt = newEndAt;
    c.endRuns = newEndRuns;
    return c.build();
  }

  public TimerDefinition withRunTimeout(Duration newRunTimeout) {
    DefinitionCopy c = new DefinitionCopy(this);
    c.runTimeout = newRunTimeout;
    return c.build();
  }

  public TimerDefinition withNotifications(NotifyPolicy newNotify) {
    DefinitionCopy c = new DefinitionCopy(this);
    c.notifications = newNotify;
    return c.build();
  }
}
