package org.globustimer.server.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.globustimer.core.error.ServiceException;
import org.globustimer.server.store.TimerQuery;

/** Path and query parameters of the Timers API, each checked with an error naming it. */
final class QueryParams {

  private QueryParams() {}

  /** Every query parameter of every route is held to its length limit before a route runs. */
  static void checkLengths(Context ctx) {
    for (var entry : ctx.queryParamMap().entrySet()) {
      int limit = entry.getKey().equals("path") ? Limits.PATH : Limits.QUERY;
      if (entry.getKey().length() > Limits.QUERY
          || entry.getValue().stream().anyMatch(v -> v.length() > limit)) {
        String name =
            entry.getKey().length() > Limits.QUERY
                ? entry.getKey().substring(0, 64) + "…"
                : entry.getKey();
        throw ServiceException.tooLong(List.of("query", name), limit);
      }
    }
  }

  static UUID jobId(Context ctx) {
    String text = ctx.pathParam("job_id");
    if (!JobRequests.isUuid(text)) {
      throw ServiceException.invalid(
          List.of("path", "job_id"), "'" + text + "' is not a job id; job ids are UUIDs");
    }
    return UUID.fromString(text);
  }

  static Long pageToken(Context ctx) {
    String token = ctx.queryParam("results_pt");
    if (token == null || token.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(token);
    } catch (NumberFormatException e) {
      throw ServiceException.invalid(
          List.of("query", "results_pt"), "is not a page token from a previous page_next");
    }
  }

  static Instant queryTime(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return org.globustimer.core.time.Times.parseIso(text);
    } catch (IllegalArgumentException e) {
      throw ServiceException.invalid(List.of("query", name), e.getMessage());
    }
  }

  static int queryInt(Context ctx, String name, int fallback, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < min || value > max) {
        throw ServiceException.invalid(
            List.of("query", name), "must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ServiceException.invalid(List.of("query", name), "must be a whole number");
    }
  }

  /** A true/false query parameter; absent means false. */
  static boolean flag(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw ServiceException.invalid(List.of("query", name), "must be true or false");
    };
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** The filters, order and page size of a listing of timers, e.g. {@code GET /jobs}. */
  static TimerQuery timerQuery(Context ctx, int defaultLimit) {
    String order = ctx.queryParam("order");
    boolean newestFirst =
        order == null
            || order.isBlank()
            || order.toLowerCase().contains("desc")
            || order.startsWith("-");
    return new TimerQuery(
        StatusFilter.of(ctx),
        blankToNull(ctx.queryParam("filter_name")),
        queryTime(ctx, "submitted_after"),
        queryTime(ctx, "submitted_before"),
        newestFirst,
        queryInt(ctx, "limit", defaultLimit, 1, 10_000));
  }
}
