package org.globustimer.cli.endpoint;

import static org.globustimer.cli.output.Texts.localTime;
import static org.globustimer.cli.output.Texts.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.globustimer.cli.output.JsonOutput;
import org.globustimer.cli.output.OutputFormat;
import org.globustimer.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "ls",
    mixinStandardHelpOptions = true,
    description = "List a directory on an endpoint: ID or ID:PATH (default: its home).")
final class EndpointLs extends EndpointBase {

  @Parameters(paramLabel = "ID[:PATH]")
  String target;

  @Option(
      names = "--tree",
      description = "Everything below the directory, as a tree (up to 10,000 entries).")
  boolean tree;

  @Override
  public Integer call() {
    int colon = target.indexOf(':');
    String id = colon < 0 ? target : target.substring(0, colon);
    String path = colon < 0 ? null : target.substring(colon + 1);
    if (id.isBlank()) {
      throw usageError("give an endpoint id, as ID or ID:PATH");
    }
    Map<String, String> query = new LinkedHashMap<>();
    if (path != null && !path.isEmpty()) {
      query.put("path", path);
    }
    if (tree) {
      query.put("tree", "true");
    }
    JsonNode listing = api().get(endpointsPath() + "/" + encodeId(id) + "/ls", query);
    OutputFormat format = format();
    if (format == OutputFormat.JSON) {
      JsonOutput.print(out(), listing);
      return 0;
    }
    Table table = new Table("Permissions", "Type", "Size", "Last Modified", "Name");
    for (JsonNode entry : listing.path("DATA")) {
      boolean dir = "dir".equals(text(entry, "type"));
      String name = text(entry, "name");
      if (tree && format == OutputFormat.TEXT) {
        // a tree reads by indentation: each name under its directory
        int depth = (int) name.chars().filter(c -> c == '/').count();
        name = "  ".repeat(depth) + name.substring(name.lastIndexOf('/') + 1);
      }
      table.add(
          text(entry, "permissions"),
          text(entry, "type"),
          text(entry, "size"),
          format == OutputFormat.UNIX
              ? text(entry, "last_modified")
              : localTime(text(entry, "last_modified")),
          format == OutputFormat.UNIX || !dir ? name : name + "/");
    }
    if (format == OutputFormat.TEXT && table.isEmpty()) {
      out().println("(empty) " + listing.path("path").asText(""));
      return 0;
    }
    table.print(out(), format);
    if (listing.path("truncated").asBoolean(false)) {
      err().println("(the tree has more entries than shown; list a directory below it)");
    }
    return 0;
  }
}
