package org.globustimer.cli;

import org.globustimer.core.build.BuildInfo;
import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "globus-timer " + BuildInfo.current().describe(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
