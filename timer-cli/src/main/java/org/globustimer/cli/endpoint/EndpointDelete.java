package org.globustimer.cli.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import org.globustimer.cli.output.JsonOutput;
import org.globustimer.cli.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an endpoint.")
final class EndpointDelete extends EndpointBase {

  @Parameters(paramLabel = "ENDPOINT_ID")
  String id;

  @Override
  public Integer call() {
    JsonNode answer = api().delete(endpointsPath() + "/" + encodeId(id));
    if (format() == OutputFormat.JSON && !answer.isMissingNode()) {
      JsonOutput.print(out(), answer);
    } else if (format() == OutputFormat.TEXT) {
      out().println("Deleted endpoint " + id + ".");
    }
    return 0;
  }
}
