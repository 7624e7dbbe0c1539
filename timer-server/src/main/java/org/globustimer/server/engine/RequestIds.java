package org.globustimer.server.engine;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The request id of a tick is derived from (timer, slot) so that a resubmission is the same action.
 */
final class RequestIds {

  private RequestIds() {}

  static String of(UUID timerId, long slot) {
    return UUID.nameUUIDFromBytes((timerId + "/" + slot).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
