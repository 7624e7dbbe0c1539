package org.globustimer.server.engine;

import java.time.Duration;

/**
 * Work done for the whole database every so often, such as a retention sweep: {@code name} is its
 * row in {@code service_jobs}, {@code every} how long after one run the next is due. Of all the
 * nodes sharing the database, one runs it each time.
 */
public record ServiceJob(String name, Duration every, Runnable work) {}
