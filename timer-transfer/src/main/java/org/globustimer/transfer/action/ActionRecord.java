package org.globustimer.transfer.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.globustimer.core.action.ActionStatus;

/** One action as stored. {@code request} is the full run request, {@code details} the task view. */
record ActionRecord(
    String actionId,
    String owner,
    String requestId,
    ActionStatus status,
    String label,
    JsonNode request,
    ObjectNode details,
    String displayStatus,
    Instant startTime,
    Instant completionTime,
    String releaseAfter,
    boolean released) {}
