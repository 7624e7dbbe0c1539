package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.globustimer.core.time.Intervals;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * A timer's own notifications and run timeout, shared by {@code job submit}, {@code job transfer}
 * and {@code job update}. {@code default} gives a setting back to the service; {@code none} turns
 * it off for this timer.
 */
final class NotifyOptions {

  static final String DEFAULT = "default";
  static final String NONE = "none";
  private static final Set<String> EVENTS = Set.of("failed", "inactive", "recovered", "succeeded");

  @Option(
      names = "--notify-on",
      paramLabel = "EVENTS",
      description =
          "Events to notify, comma-separated: failed, inactive, recovered, succeeded; none; or"
              + " default (the service's).")
  String notifyOn;

  @Option(
      names = "--notify-email",
      paramLabel = "ADDRESS",
      description =
          "E-mail notifications to this address (repeatable); none for no e-mail; default for the"
              + " service's recipients.")
  List<String> emails;

  @Option(
      names = "--notify-webhook",
      paramLabel = "URL",
      description =
          "POST notifications to this URL (one the service allows); none; or default (the"
              + " service's).")
  String webhook;

  @Option(
      names = "--run-timeout",
      paramLabel = "INTERVAL",
      converter = RunTimeoutConverter.class,
      description =
          "Cancel and fail a run still in progress this long after it started (e.g. 6h); none for"
              + " no limit; default for the service's.")
  String runTimeout;

  boolean anyGiven() {
    return notifyOn != null || emails != null || webhook != null || runTimeout != null;
  }

  /** Adds the options given to a job body or patch; returns a problem in words, or null. */
  String addTo(ObjectNode job) {
    if (notifyOn != null) {
      String value = notifyOn.strip().toLowerCase(Locale.ROOT);
      if (value.equals(DEFAULT)) {
        job.putNull("notify_on");
      } else {
        ArrayNode events = job.putArray("notify_on");
        if (!value.equals(NONE)) {
          for (String event : value.split(",")) {
            if (!EVENTS.contains(event.strip())) {
              return "--notify-on takes failed, inactive, recovered, succeeded, none or default,"
                  + " not '"
                  + event.strip()
                  + "'";
            }
            events.add(event.strip());
          }
        }
      }
    }
    if (emails != null) {
      if (emails.size() == 1 && emails.getFirst().equals(DEFAULT)) {
        job.putNull("notify_emails");
      } else {
        ArrayNode list = job.putArray("notify_emails");
        emails.stream().filter(e -> !e.equals(NONE)).forEach(list::add);
      }
    }
    if (webhook != null) {
      switch (webhook) {
        case DEFAULT -> job.putNull("notify_webhook_url");
        case NONE -> job.put("notify_webhook_url", "");
        default -> job.put("notify_webhook_url", webhook);
      }
    }
    if (runTimeout != null) {
      if (runTimeout.equals(DEFAULT)) {
        job.putNull("run_timeout");
      } else {
        job.put("run_timeout", Long.parseLong(runTimeout));
      }
    }
    return null;
  }

  /** An interval in seconds as text, 0 for none, or {@code default}. */
  static final class RunTimeoutConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String text = value.strip().toLowerCase(Locale.ROOT);
      if (text.equals(DEFAULT)) {
        return DEFAULT;
      }
      if (text.equals(NONE) || text.equals("0")) {
        return "0";
      }
      try {
        Duration timeout = Intervals.parse(text);
        return String.valueOf(Math.max(1, timeout.toSeconds()));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage() + "; or none, or default");
      }
    }
  }
}
