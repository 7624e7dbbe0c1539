package org.globustimer.core.timer;

import java.time.Duration;
import java.time.Instant;

/** A copy of a definition with some fields replaced: the one place that lists them all. */
final class DefinitionCopy {
  String name;
  TimerType type;
  int apiVersion;
  Instant start;
  Duration interval;
  Instant endAt;
  Integer endRuns;
  String callbackUrl;
  String callbackBody;
  String scope;
  String body;
  String flowId;
  ResumePolicy resumePolicy;
  Timing timing;
  Duration runTimeout;
  NotifyPolicy notifications;

  DefinitionCopy(TimerDefinition from) {
    this.name = from.name();
    this.type = from.type();
    this.apiVersion = from.apiVersion();
    this.start = from.start();
    this.interval = from.interval();
    this.endAt = from.endAt();
    this.endRuns = from.endRuns();
    this.callbackUrl = from.callbackUrl();
    this.callbackBody = from.callbackBody();
    this.scope = from.scope();
    this.body = from.body();
    this.flowId = from.flowId();
    this.resumePolicy = from.resumePolicy();
    this.timing = from.timing();
    this.runTimeout = from.runTimeout();
    this.notifications = from.notifications();
  }

  TimerDefinition build() {
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
        notifications);
  }
}
