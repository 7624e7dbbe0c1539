package org.globustimer.cli.endpoint;

import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List your endpoints.")
final class EndpointList extends EndpointBase {

  @Override
  public Integer call() {
    EndpointView.printList(out(), api().get(endpointsPath(), Map.of()), format());
    return 0;
  }
}
