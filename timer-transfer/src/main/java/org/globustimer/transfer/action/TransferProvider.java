package org.globustimer.transfer.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.globustimer.core.action.ActionProvider;
import org.globustimer.core.action.ActionReply;
import org.globustimer.core.action.ActionStatus;
import org.globustimer.core.error.ErrorBodies;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.copy.CopyTuning;
import org.globustimer.transfer.copy.Progress;
import org.globustimer.transfer.copy.SpecParser;
import org.globustimer.transfer.copy.TransferSpec;
import org.globustimer.transfer.db.Db;
import org.globustimer.transfer.endpoint.Endpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The transfer action provider, answering as the Action Provider API does. */
public final class TransferProvider implements ActionProvider, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TransferProvider.class);
  private static final Duration TAKE_OVER_EVERY = Duration.ofSeconds(1);

  private final ActionStore store;
  private final ActionLeases leases;
  private final ActionRunner runner;
  private final Clock clock;
  private final Endpoints endpoints;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  /** {@code node} leases the actions it runs for {@code lease}, renewing while they copy. */
  public TransferProvider(
      Db db,
      Endpoints endpoints,
      Clock clock,
      int parallel,
      CopyTuning tuning,
      String node,
      Duration lease) {
    this.store = new ActionStore(db);
    this.leases = new ActionLeases(db, node, lease);
    this.clock = clock;
    this.endpoints = endpoints;
    this.runner = new ActionRunner(store, leases, endpoints, clock, parallel, tuning);
  }

  /**
   * Takes up the actions this node's previous run left unfinished, and from then on every action
   * whose node stopped renewing its lease.
   */
  public void resume() {
    takeOver(true);
    runner.every(TAKE_OVER_EVERY, () -> takeOver(false));
  }

  private void takeOver(boolean own) {
    if (runner.draining()) {
      return;
    }
    Instant now = clock.instant();
    for (String id : leases.claimable(now, own)) {
      ActionRecord a = runner.runs(id) ? null : store.byId(id).orElse(null);
      if (a == null || a.status().isFinal()) {
        continue;
      }
      TransferSpec spec;
      try {
        spec = SpecParser.parse(a.request().get("body"));
      } catch (TransferException e) {
        store.finish(
            a,
            ActionStatus.FAILED,
            a.details().put("code", e.code()).put("description", e.getMessage()),
            "Failed: " + e.code(),
            now);
        continue;
      }
      String missing = SharedStorage.missingRoot(endpoints, a.owner(), spec);
      if (missing != null) {
        if (warned.add(id)) {
          LOG.warn(
              "not taking transfer {}: its endpoint's root {} is not on this node; every node"
                  + " sharing a database must see the same storage for posix endpoints",
              id,
              missing);
        }
      } else if (leases.claim(id, now)) {
        runner.start(a, spec, deadline(a.request(), spec));
      }
    }
  }

  @Override
  public ActionReply run(String owner, JsonNode request) {
    try {
      if (request == null || !request.isObject()) {
        throw TransferException.badRequest("the run request must be a JSON object");
      }
      String requestId = optionalText(request, "request_id", 255);
      if (requestId != null) {
        Optional<ActionRecord> existing = store.byRequest(owner, requestId);
        if (existing.isPresent()) {
          return reply(200, existing.get());
        }
      }
      TransferSpec spec = SpecParser.parse(request.get("body"));
      String label = optionalText(request, "label", 128);
      Instant deadline = deadline(request, spec);
      String releaseAfter = optionalText(request, "release_after", 64);
      if (releaseAfter != null) {
        ReleaseAfter.parse(releaseAfter);
      }
      Instant now = clock.instant();
      String id = UUID.randomUUID().toString();
      ActionRecord record =
          new ActionRecord(
              id,
              owner,
              requestId,
              ActionStatus.ACTIVE,
              label != null ? label : spec.label(),
              request,
              TaskDetails.render(
                      id, spec, new Progress(clock), ActionStatus.ACTIVE, now, now, null, null)
                  .put("nice_status", "Queued"),
              "Queued",
              now,
              null,
              releaseAfter == null ? ReleaseAfter.DEFAULT : releaseAfter,
              false);
      if (!store.insert(record, leases.node(), leases.until(now))) {
        return reply(200, store.byRequest(owner, requestId).orElseThrow());
      }
      runner.start(record, spec, deadline);
      return reply(202, record);
    } catch (TransferException e) {
      return error(e);
    }
  }

  private static Instant deadline(JsonNode request, TransferSpec spec) {
    Instant outer = SpecParser.deadline(request.get("deadline"), "deadline");
    if (outer == null || (spec.deadline() != null && spec.deadline().isBefore(outer))) {
      return spec.deadline();
    }
    return outer;
  }

  @Override
  public ActionReply status(String owner, String actionId) {
    return find(owner, actionId).map(a -> reply(200, a)).orElseGet(() -> notFound(actionId));
  }

  @Override
  public ActionReply cancel(String owner, String actionId) {
    Optional<ActionRecord> found = find(owner, actionId);
    if (found.isEmpty()) {
      return notFound(actionId);
    }
    ActionRecord a = found.get();
    if (a.status().isFinal()) {
      return error(
          TransferException.conflict(
              "the action is already " + a.status() + "; nothing to cancel"));
    }
    runner.cancel(actionId);
    store.finish(a, ActionStatus.FAILED, runner.canceledDetails(a), "Canceled", clock.instant());
    return status(owner, actionId);
  }

  @Override
  public ActionReply release(String owner, String actionId) {
    Optional<ActionRecord> found = find(owner, actionId);
    if (found.isEmpty()) {
      return notFound(actionId);
    }
    if (!found.get().status().isFinal() || !store.release(actionId)) {
      return error(
          TransferException.conflict(
              "the action is still "
                  + found.get().status()
                  + "; cancel it or wait before releasing"));
    }
    return reply(200, found.get());
  }

  private Optional<ActionRecord> find(String owner, String actionId) {
    if (!Endpoints.isUuid(actionId)) {
      return Optional.empty();
    }
    return store.find(owner, actionId, clock.instant());
  }

  private ActionReply reply(int status, ActionRecord a) {
    ObjectNode details = a.details();
    if (!a.status().isFinal()) {
      details = runner.liveDetails(a.actionId()).orElse(details);
    }
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("action_id", a.actionId()).put("status", a.status().name());
    doc.put("creator_id", a.owner()).put("label", a.label());
    doc.set("details", details);
    doc.put("display_status", a.displayStatus());
    doc.put("start_time", a.startTime().toString());
    doc.put("completion_time", a.completionTime() == null ? null : a.completionTime().toString());
    doc.put("release_after", a.releaseAfter());
    doc.set(
        "manage_by",
        a.request().path("manage_by").isArray()
            ? a.request().get("manage_by")
            : Json.mapper().createArrayNode());
    doc.set(
        "monitor_by",
        a.request().path("monitor_by").isArray()
            ? a.request().get("monitor_by")
            : Json.mapper().createArrayNode());
    return new ActionReply(status, doc);
  }

  private static ActionReply notFound(String actionId) {
    return error(TransferException.notFound("ACTION_NOT_FOUND", "no such action: " + actionId));
  }

  /** An error in the Action Provider API's shape. */
  public static ActionReply error(TransferException e) {
    return new ActionReply(e.status(), ErrorBodies.actionProvider(e));
  }

  private static String optionalText(JsonNode node, String field, int limit) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw TransferException.badRequest(field + ": must be a string");
    }
    if (v.asText().length() > limit) {
      throw TransferException.badRequest(field + ": must be at most " + limit + " characters");
    }
    return v.asText();
  }

  /**
   * Hands the sweep that releases finished actions past their {@code release_after} to the host,
   * which runs it once for all the nodes sharing the database; until then this provider runs it.
   */
  public Runnable handReleaseSweep() {
    return runner.handReleaseSweep();
  }

  @Override
  public void close() {
    runner.close();
  }

  /** Lets running actions finish for up to {@code drain}, then hands the rest back. */
  public void close(Duration drain) {
    runner.close(drain);
  }
}
