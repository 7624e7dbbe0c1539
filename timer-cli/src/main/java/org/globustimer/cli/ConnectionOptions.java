package org.globustimer.cli;

import picocli.CommandLine.Option;

/** Which service to talk to, and how loudly to fail. Accepted before or after the command. */
public final class ConnectionOptions {

  @Option(
      names = "--service-url",
      paramLabel = "URL",
      description = "The timer service (default: $TIMER_SERVICE_URL, the config file, or local).")
  String serviceUrl;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;
}
