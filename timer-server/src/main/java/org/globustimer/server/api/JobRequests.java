package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.globustimer.core.cron.CronSchedule;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.json.Json;
import org.globustimer.core.timer.ResumePolicy;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerType;
import org.globustimer.core.timer.Timing;
import org.globustimer.server.config.Settings;

/** Reads and checks the bodies of create and update requests into timer definitions. */
final class JobRequests {

  private final Settings settings;
  private final UrlPolicy urls;
  private final Clock clock;
  private final String transferRunUrl;
  private final TransferDocuments transferDocuments = new TransferDocuments();
  private final NotifyRequests notify;
  private final ScheduleChecks checks;
  private final JobPatches patches;

  JobRequests(Settings settings, UrlPolicy urls, Clock clock, String transferRunUrl) {
    this.settings = settings;
    this.urls = urls;
    this.clock = clock;
    this.transferRunUrl = transferRunUrl;
    this.notify = new NotifyRequests(settings.notifications());
    this.checks = new ScheduleChecks(settings, clock);
    this.patches = new JobPatches(settings, clock, notify, checks);
  }

  /** {@code POST /jobs}: the v1 shape, with either spelling of the end condition. */
  TimerDefinition v1(JsonNode body) {
    Problems problems = new Problems();
    Fields f = Fields.ofBody(requireObject(body), problems);
    String name = f.text("name", false);
    Instant start = f.time("start", false);
    Duration interval = f.seconds("interval");
    String callbackUrl = f.text("callback_url", true);
    ObjectNode callbackBody = f.object("callback_body", true);
    String scope = f.text("scope", false);
    Instant endAt = null;
    Integer endRuns = f.positiveInt("stop_after_n");
    JsonNode stopAfter = f.raw("stop_after");
    if (stopAfter != null && stopAfter.isTextual()) {
      endAt = f.time("stop_after", false);
    } else if (stopAfter != null && stopAfter.isObject()) {
      Fields end = f.nested("stop_after");
      endAt = end.time("date", false);
      Integer runs = end.positiveInt("n_runs");
      endRuns = runs != null ? runs : endRuns;
    } else if (stopAfter != null && !stopAfter.isNull()) {
      f.problem("stop_after", "must be an ISO 8601 date or an object {\"date\", \"n_runs\"}");
    }
    ResumePolicy resume = resumePolicy(f);
    CronSchedule cron = null;
    if (f.raw("cron") != null && !f.raw("cron").isNull()) {
      cron = TimingRequests.cron(f, "cron", "timezone");
      if (interval != null) {
        f.problem("interval", "give either interval or cron, not both");
      }
    } else if (f.raw("timezone") != null && !f.raw("timezone").isNull()) {
      f.problem("timezone", "only a cron timer has a time zone; add cron, e.g. \"0 2 * * *\"");
    }
    Timing timing = TimingRequests.policies(f, cron);
    if (callbackUrl != null) {
      checkUrl(f, "callback_url", callbackUrl);
    }
    TimerType type =
        callbackUrl != null && callbackUrl.equals(transferRunUrl)
            ? TimerType.TRANSFER
            : TimerType.GENERIC;
    start = start == null ? clock.instant() : start;
    checks.schedule(f, "start", "interval", start, interval, endAt);
    if (cron != null) {
      TimingRequests.checkGaps(f, "cron", cron, start, settings.minInterval());
    }
    NotifyRequests.Own own = notify.read(f, NotifyRequests.Own.DEFAULT);
    problems.throwIfAny();
    return own.applyTo(
        new TimerDefinition(
            name,
            type,
            1,
            start,
            interval,
            endAt,
            endRuns,
            callbackUrl,
            callbackBody.toString(),
            scope,
            bodyOf(callbackBody),
            null,
            resume,
            timing));
  }

  /** {@code POST /v2/timer}: {@code {"timer": {...}}} with a transfer or flow body. */
  TimerDefinition v2(JsonNode request) {
    Problems problems = new Problems();
    Fields outer = Fields.ofBody(requireObject(request), problems);
    ObjectNode timerNode = outer.object("timer", true);
    problems.throwIfAny();
    Fields f = outer.nested("timer");
    String name = f.text("name", false);
    String timerType = f.text("timer_type", true);
    Fields schedule = f.nested("schedule");
    if (!schedule.exists()) {
      f.problem("schedule", timerNode.has("schedule") ? "must be a JSON object" : "field required");
      problems.throwIfAny();
    }
    String scheduleType = schedule.text("type", true);
    Instant start = null;
    Duration interval = null;
    Instant endAt = null;
    Integer endRuns = null;
    CronSchedule cron = null;
    if ("once".equals(scheduleType)) {
      start = schedule.time("datetime", false);
    } else if ("recurring".equals(scheduleType) || "cron".equals(scheduleType)) {
      start = schedule.time("start", false);
      if ("cron".equals(scheduleType)) {
        cron = TimingRequests.cron(schedule, "expression", "timezone");
      } else {
        interval = schedule.seconds("interval_seconds");
        if (interval == null && !schedule.present("interval_seconds")) {
          schedule.problem("interval_seconds", "field required");
        }
      }
      Fields end = schedule.nested("end");
      if (end.exists()) {
        // The Python SDK's own fixtures send {"count": N} with no condition.
        String condition = end.text("condition", false);
        if (condition == null && (end.present("count") || end.present("iterations"))) {
          condition = "iterations";
        } else if (condition == null && end.present("datetime")) {
          condition = "time";
        } else if (condition == null) {
          end.problem("condition", "field required ('time' or 'iterations')");
        }
        if ("time".equals(condition)) {
          endAt = end.time("datetime", true);
        } else if ("iterations".equals(condition)) {
          endRuns = end.present("count") ? end.positiveInt("count") : end.positiveInt("iterations");
          if (endRuns == null && !end.present("count") && !end.present("iterations")) {
            end.problem("count", "field required");
          }
        } else if (condition != null) {
          end.problem("condition", "must be 'time' or 'iterations'");
        }
      } else if (schedule.present("end")) {
        schedule.problem("end", "must be a JSON object");
      }
    } else if (scheduleType != null) {
      schedule.problem("type", "must be 'once', 'recurring' or 'cron'");
    }
    String scope = f.text("scope", false);
    ResumePolicy resume = resumePolicy(f);
    Timing timing = TimingRequests.policies(f, cron);
    TimerType type = null;
    String callbackUrl = null;
    ObjectNode body = null;
    String flowId = null;
    if ("transfer".equals(timerType)) {
      type = TimerType.TRANSFER;
      callbackUrl = transferRunUrl;
      ObjectNode transfer = f.object("body", true);
      body = transfer == null ? null : transferDocuments.normalized(transfer, f.nested("body"));
    } else if ("flow".equals(timerType)) {
      type = TimerType.FLOW;
      flowId = f.text("flow_id", true);
      if (flowId != null && !isUuid(flowId)) {
        f.problem("flow_id", "must be a UUID");
      }
      ObjectNode input = f.object("body", false);
      body = input == null ? Json.mapper().createObjectNode() : input;
      callbackUrl = f.text("callback_url", false);
      if (callbackUrl == null && flowId != null) {
        callbackUrl = "https://" + flowId + ".flows.automate.globus.org/run";
      }
      if (callbackUrl != null) {
        checkUrl(f, "callback_url", callbackUrl);
      }
    } else if (timerType != null) {
      f.problem("timer_type", "must be 'transfer' or 'flow'");
    }
    start = start == null ? clock.instant() : start;
    checks.schedule(schedule, "start", "interval_seconds", start, interval, endAt);
    if (cron != null) {
      TimingRequests.checkGaps(schedule, "expression", cron, start, settings.minInterval());
    }
    NotifyRequests.Own own = notify.read(f, NotifyRequests.Own.DEFAULT);
    problems.throwIfAny();
    ObjectNode callbackBody = Json.mapper().createObjectNode();
    callbackBody.set("body", body);
    return own.applyTo(
        new TimerDefinition(
            name,
            type,
            2,
            start,
            interval,
            endAt,
            endRuns,
            callbackUrl,
            callbackBody.toString(),
            scope,
            body.toString(),
            flowId,
            resume,
            timing));
  }

  /** {@code PATCH /jobs/{id}}: see {@link JobPatches}. */
  TimerDefinition patch(TimerDefinition current, JsonNode request) {
    return patches.patch(current, request);
  }

  private void checkUrl(Fields f, String field, String url) {
    String problem = urls.problemWith(url);
    if (problem != null) {
      f.problem(field, problem);
    }
  }

  private static ResumePolicy resumePolicy(Fields f) {
    String text = f.text("resume_policy", false);
    if (text == null) {
      return ResumePolicy.RUN_ONCE;
    }
    try {
      return ResumePolicy.fromWire(text);
    } catch (IllegalArgumentException e) {
      f.problem("resume_policy", e.getMessage());
      return ResumePolicy.RUN_ONCE;
    }
  }

  static JsonNode requireObject(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ServiceException.invalid(
          java.util.List.of("body"), "the request body must be a JSON object");
    }
    return body;
  }

  private static String bodyOf(ObjectNode callbackBody) {
    return bodyNode(callbackBody).toString();
  }

  private static JsonNode bodyNode(JsonNode callbackBody) {
    JsonNode body = callbackBody.get("body");
    return body != null ? body : callbackBody;
  }

  /** The bodies of a valid v1 request (one {@link #v1} accepted), as the stored timer has them. */
  static JobDocuments.Bodies v1Bodies(JsonNode request) {
    JsonNode callbackBody = request.get("callback_body");
    return new JobDocuments.Bodies(callbackBody, bodyNode(callbackBody));
  }

  static boolean isUuid(String text) {
    try {
      java.util.UUID.fromString(text);
      return text.length() == 36;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
