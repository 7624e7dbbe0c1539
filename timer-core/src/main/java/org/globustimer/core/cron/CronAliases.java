package org.globustimer.core.cron;

import java.util.Locale;
import java.util.Map;

/** The {@code @} aliases of cron expressions and the five fields each stands for. */
final class CronAliases {

  static final Map<String, String> ALIASES =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  private CronAliases() {}

  /** The alias as it is kept: trimmed and in lower case. */
  static String name(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }

  /** The fields {@code text}, an alias starting at index {@code at}, stands for. */
  static String expansion(String text, int at) {
    String expansion = ALIASES.get(name(text));
    if (expansion == null) {
      throw new CronSyntaxException(
          text,
          at + 1,
          "unknown alias '"
              + text.strip()
              + "'; use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly");
    }
    return expansion;
  }
}
