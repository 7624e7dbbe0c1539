package org.globustimer.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import org.globustimer.core.error.ErrorBodies;
import org.globustimer.core.error.ServiceException;
import org.globustimer.transfer.api.ActionRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers, for every route the service mounts: a {@link
 * ServiceException} is rendered in the documented shape of its route, anything else is logged and
 * answered as a 500 that names no internals.
 */
final class ErrorMapper {

  private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  static void install(Javalin app) {
    app.exception(
        ServiceException.class,
        (e, ctx) -> {
          if (e.status() == 500) {
            log.error("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage(), e);
          } else if (e.status() > 500) {
            log.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
          }
          render(ctx, e);
        });
    app.exception(
        HttpResponseException.class,
        (e, ctx) ->
            render(ctx, new ServiceException(e.getStatus(), code(e.getStatus()), words(e))));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          render(
              ctx,
              new ServiceException(
                  500, "INTERNAL_ERROR", "the service failed unexpectedly; see its log"));
        });
    app.error(
        404,
        ctx -> {
          if (ctx.resultInputStream() == null) {
            render(
                ctx,
                ServiceException.notFound("no such route: " + ctx.method() + " " + ctx.path()));
          }
        });
    app.error(
        405,
        ctx -> {
          if (ctx.resultInputStream() == null) {
            render(
                ctx,
                new ServiceException(
                    405, "METHOD_NOT_ALLOWED", ctx.method() + " is not allowed on " + ctx.path()));
          }
        });
  }

  static void render(Context ctx, ServiceException e) {
    ObjectNode body =
        ctx.path().startsWith(ActionRoutes.BASE)
            ? ErrorBodies.actionProvider(e)
            : ErrorBodies.timers(e);
    ctx.status(e.status());
    JsonIo.json(ctx, body);
  }

  private static String code(int status) {
    HttpStatus known = HttpStatus.forStatus(status);
    return known == HttpStatus.UNKNOWN ? "HTTP_" + status : known.name();
  }

  private static String words(HttpResponseException e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? HttpStatus.forStatus(e.getStatus()).getMessage().toLowerCase(Locale.ROOT)
        : message;
  }
}
