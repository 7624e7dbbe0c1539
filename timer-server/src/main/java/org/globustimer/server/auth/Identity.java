package org.globustimer.server.auth;

/**
 * Who is calling: {@code principal} is a {@code urn:globus:auth:identity:<id>}-style string that
 * owns timers; every query is scoped by it.
 */
public record Identity(String principal, String username, String identityProvider) {}
