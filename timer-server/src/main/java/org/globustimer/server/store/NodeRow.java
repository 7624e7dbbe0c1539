package org.globustimer.server.store;

import java.time.Instant;

/** A service process sharing the database, with how many timers it holds claimed. */
public record NodeRow(
    String nodeId, String url, Instant startedAt, Instant heartbeatAt, long claims) {}
