package org.globustimer.core.timer;

import java.util.regex.Pattern;

/**
 * The plain e-mail addresses notifications go to: {@code local@domain}, without display names,
 * spaces, commas or angle brackets, so one address is one recipient and nothing more.
 */
public final class EmailAddresses {

  public static final int MAX_LENGTH = 254;

  private static final Pattern PLAIN =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");

  private EmailAddresses() {}

  /** Null when {@code address} is one plain address, else what is wrong with it. */
  public static String problemWith(String address) {
    if (address == null || address.isBlank()) {
      return "an e-mail address must not be empty";
    }
    if (address.length() > MAX_LENGTH) {
      return "an e-mail address has at most " + MAX_LENGTH + " characters";
    }
    if (!PLAIN.matcher(address).matches() || address.contains("..")) {
      return "'" + address + "' is not a plain e-mail address such as ops@example.org";
    }
    return null;
  }
}
