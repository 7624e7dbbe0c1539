package org.globustimer.server.dashboard;

import java.time.Duration;

/** The access token a dashboard sign-in obtained, and how long its session may last. */
record TokenGrant(String accessToken, Duration lifetime) {}
