package org.globustimer.server.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.globustimer.core.error.ErrorBodies;
import org.globustimer.core.error.ServiceException;

/**
 * Requests Jetty refuses before any route sees them (a request line or headers too long, a
 * malformed URI) are answered in the documented error shape too, not with an HTML page.
 */
final class JettyErrors extends ErrorHandler {

  /** Room for a query string with every parameter at its length limit. */
  static final int REQUEST_HEADER_BYTES = 64 * 1024;

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    String detail =
        status == 414 || status == 431
            ? "the request line or headers are longer than " + REQUEST_HEADER_BYTES + " bytes"
            : reason == null || reason.isBlank() ? "the request is malformed" : reason;
    String code = status == 414 || status == 431 ? "REQUEST_TOO_LONG" : "BAD_REQUEST";
    ServiceException error = new ServiceException(status, code, detail);
    return ByteBuffer.wrap(ErrorBodies.timers(error).toString().getBytes(StandardCharsets.UTF_8));
  }
}
