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
    return new TimerDefinition(
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
        newTiming,
        runTimeout,
        notifications);
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
        resumePolicy,
        timing,
        runTimeout,
        notifications);
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
        resumePolicy,
        timing,
        runTimeout,
        notifications);
  }

  public TimerDefinition withRunTimeout(Duration newRunTimeout) {
    return new TimerDefinition(
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
        newRunTimeout,
        notifications);
  }

  public TimerDefinition withNotifications(NotifyPolicy newNotify) {
    return new TimerDefinition(
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
        runTimeout,
        newNotify);
  }
}
