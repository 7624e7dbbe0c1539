package org.globustimer.cli.output;

public enum OutputFormat {
  TEXT,
  JSON,
  UNIX
}
