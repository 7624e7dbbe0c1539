package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import org.globustimer.cli.http.ApiClient;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Where actions are: URLs users give, and the service's own transfer provider. */
final class Actions {

  static final String GLOBUS_TRANSFER_RUN_URL =
      "https://actions.automate.globus.org/transfer/transfer/run";
  static final String TRANSFER_SCOPE =
      "https://auth.globus.org/scopes/actions.globus.org/transfer/transfer";

  private Actions() {}

  static String checkUrl(String url, CommandLine command) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() != null
          && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        return url;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new ParameterException(command, "'" + url + "' is not an http(s) URL (--action-url)");
  }

  /** The service's transfer provider from its discovery document, else Globus's (said with -v). */
  static String transferRunUrl(ApiClient api, boolean verbose, PrintWriter err) {
    JsonNode discovery = api.discovery().orElse(null);
    String url = discovery == null ? null : discovery.path("transfer_action_url").asText(null);
    if (url != null && !url.isBlank()) {
      return url;
    }
    if (verbose) {
      err.println(
          "globus-timer: "
              + api.connection().url()
              + " names no transfer action provider (no /.well-known/globus-timer);"
              + " using "
              + GLOBUS_TRANSFER_RUN_URL);
      err.flush();
    }
    return GLOBUS_TRANSFER_RUN_URL;
  }
}
