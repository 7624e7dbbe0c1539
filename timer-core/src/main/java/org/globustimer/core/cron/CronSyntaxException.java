package org.globustimer.core.cron;

/**
 * A cron expression or time zone that cannot be used: says what is wrong, where (a 1-based
 * character position in the text, 0 when the whole text is at fault) and shows a valid example.
 */
public final class CronSyntaxException extends IllegalArgumentException {

  public static final String EXAMPLE = "'0 2 * * *' (at 02:00 every day)";

  private final String text;
  private final int position;
  private final String problem;

  CronSyntaxException(String text, int position, String problem) {
    super(message(text, position, problem));
    this.text = text;
    this.position = position;
    this.problem = problem;
  }

  private static String message(String text, int position, String problem) {
    String where = position > 0 ? " at position " + position : "";
    return "cron expression '"
        + text
        + "'"
        + where
        + ": "
        + problem
        + "; a valid one is for example "
        + EXAMPLE;
  }

  public String text() {
    return text;
  }

  /** 1-based position of the offending character, 0 when the expression as a whole is wrong. */
  public int position() {
    return position;
  }

  public String problem() {
    return problem;
  }
}
