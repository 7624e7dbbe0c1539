package org.globustimer.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.globustimer.core.build.BuildInfo;
import org.globustimer.core.json.Json;

/**
 * {@code GET /.well-known/globus-timer}: what a client learns before it signs in, namely which
 * service and version this is, where its transfer provider and endpoints are, the shortest interval
 * it takes, how to log in and which action providers it holds credentials for.
 */
final class Discovery {

  private static final BuildInfo BUILD = BuildInfo.current();

  private Discovery() {}

  static void answer(Context ctx, HttpApi.Parts parts) {
    String base = HttpApi.baseUrl(ctx, parts.settings());
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("service", "globus-timer");
    body.put("version", BUILD.version().toString());
    body.put("commit", BUILD.commit());
    body.put("built_at", BUILD.builtAt());
    body.put("api_version", "1.0");
    body.put("transfer_action_url", base + HttpApi.TRANSFER_RUN_PATH);
    body.put("endpoints_url", base + "/endpoints");
    body.put("minimum_interval_seconds", parts.settings().minInterval().toSeconds());
    parts
        .settings()
        .auth()
        .login()
        .ifPresentOrElse(
            login -> {
              ObjectNode block = body.putObject("login");
              block.put("issuer", login.issuer());
              block.put("client_id", login.clientId());
              login.scopes().forEach(block.putArray("scopes")::add);
            },
            () -> body.putNull("login"));
    var providers = body.putArray("providers");
    parts.credentials().providers().forEach(p -> CredentialsApi.describe(providers.addObject(), p));
    JsonIo.json(ctx, body);
  }
}
