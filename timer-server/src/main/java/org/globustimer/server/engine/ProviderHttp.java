package org.globustimer.server.engine;

import java.io.IOException;

/**
 * One HTTP exchange with an action provider: a request out, a status and body back. Redirects are
 * returned as they are, never followed. Failing to get an answer at all is an {@link IOException}.
 */
interface ProviderHttp extends AutoCloseable {

  /** {@code body} is JSON to POST, or null for a GET; {@code bearer} a token, or null. */
  Reply exchange(String method, String url, String body, String bearer)
      throws IOException, InterruptedException;

  /** {@code location} is the Location header of a redirect, or null. */
  record Reply(int status, String body, String location) {}

  @Override
  void close();
}
