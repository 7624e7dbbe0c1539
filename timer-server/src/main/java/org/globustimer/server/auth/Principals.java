package org.globustimer.server.auth;

/** Turns a token's subject into the principal that owns timers. */
public final class Principals {

  public static final String PREFIX = "urn:globus:auth:identity:";

  private Principals() {}

  /** {@code sub} as a URN: kept when it already is one, else prefixed. */
  public static String of(String subject) {
    String sub = subject.strip();
    return sub.startsWith("urn:") ? sub : PREFIX + sub;
  }
}
