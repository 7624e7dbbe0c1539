package org.globustimer.cli.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import org.globustimer.cli.FormatOption;
import org.globustimer.cli.ServiceCommand;
import org.globustimer.cli.output.OutputFormat;
import picocli.CommandLine.Mixin;

/** Endpoint commands: the format option, and the endpoints API's base path. */
abstract class EndpointBase extends ServiceCommand {

  @Mixin FormatOption formatOption;

  final OutputFormat format() {
    return format(formatOption);
  }

  /** The endpoints API path: the discovery document's {@code endpoints_url}, else /endpoints. */
  final String endpointsPath() {
    String url = api().discovery().map(doc -> doc.path("endpoints_url").asText(null)).orElse(null);
    if (url == null || url.isBlank()) {
      return "/endpoints";
    }
    String base = connection().url().toString();
    String path = url.startsWith(base) ? url.substring(base.length()) : url;
    if (!path.startsWith("/")) {
      return "/endpoints";
    }
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  static String encodeId(String id) {
    return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
  }

  static JsonNode list(JsonNode answer) {
    return answer.has("endpoints") ? answer.get("endpoints") : answer.path("DATA");
  }
}
