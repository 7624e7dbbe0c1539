package org.globustimer.transfer.endpoint;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Modification times in object metadata: decimal seconds since the epoch with up to nine digits of
 * fraction, the form rclone uses, so trees synced by either tool keep their times.
 */
final class S3Times {

  private S3Times() {}

  static String format(Instant t) {
    return BigDecimal.valueOf(t.getEpochSecond())
        .add(BigDecimal.valueOf(t.getNano(), 9))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The instant of a stored value, or null when there is none or it is unreadable. */
  static Instant parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      BigDecimal seconds = new BigDecimal(value.trim());
      long whole = seconds.longValue();
      int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
      return Instant.ofEpochSecond(whole, nanos);
    } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
      return null;
    }
  }
}
