package org.globustimer.cli.endpoint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "posix",
    mixinStandardHelpOptions = true,
    description = "An endpoint over a directory of the service's machine.")
final class CreatePosix extends EndpointBase {

  @Option(names = "--name", required = true, description = "The endpoint's display name.")
  String name;

  @Option(
      names = "--root",
      required = true,
      paramLabel = "DIR",
      description = "The directory the endpoint exposes (on the service's machine).")
  String root;

  @Override
  public Integer call() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("display_name", name);
    body.put("type", "posix");
    body.put("root", root);
    EndpointView.printOne(out(), api().post(endpointsPath(), Map.of(), body), format());
    return 0;
  }
}
