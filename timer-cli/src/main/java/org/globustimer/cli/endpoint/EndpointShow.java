package org.globustimer.cli.endpoint;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one endpoint.")
final class EndpointShow extends EndpointBase {

  @Parameters(paramLabel = "ENDPOINT_ID")
  String id;

  @Override
  public Integer call() {
    EndpointView.printOne(
        out(), api().get(endpointsPath() + "/" + encodeId(id), Map.of()), format());
    return 0;
  }
}
