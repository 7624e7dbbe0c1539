package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.globustimer.core.error.ServiceException;
import org.globustimer.core.json.Json;
import org.globustimer.server.credentials.ProviderAuth;
import org.globustimer.server.credentials.ProviderCredentials;
import org.globustimer.server.store.CredentialRow;

/**
 * {@code /provider_credentials}: which external providers the service can act at for the caller,
 * and the refresh tokens they store for providers that take one. Tokens are never shown back.
 */
final class CredentialsApi {

  private final ProviderCredentials credentials;

  CredentialsApi(ProviderCredentials credentials) {
    this.credentials = credentials;
  }

  void mount(Javalin app) {
    app.get("/provider_credentials", this::list);
    app.put("/provider_credentials/{provider}", this::store);
    app.delete("/provider_credentials/{provider}", this::forget);
  }

  private void list(Context ctx) {
    Map<String, CredentialRow> stored =
        credentials.storedFor(Auth.owner(ctx)).stream()
            .collect(Collectors.toMap(CredentialRow::provider, Function.identity()));
    ObjectNode body = Json.mapper().createObjectNode();
    var data = body.putArray("providers");
    for (ProviderAuth provider : credentials.providers()) {
      ObjectNode item = data.addObject();
      describe(item, provider);
      CredentialRow row = stored.get(provider.name());
      item.put("stored", row != null);
      item.put("refreshable", row != null && row.refreshTokenSealed() != null);
      if (row != null) {
        item.put("updated_at", row.updatedAt().toString());
      } else {
        item.putNull("updated_at");
      }
    }
    JsonIo.json(ctx, body);
  }

  private void store(Context ctx) {
    ProviderAuth provider = provider(ctx);
    if (provider.grant() != ProviderAuth.Grant.REFRESH_TOKEN) {
      throw ServiceException.conflict(
          "provider '"
              + provider.name()
              + "' gets its tokens by token exchange when a timer is created or resumed with"
              + " update_credentials=true; it stores no refresh token");
    }
    JsonNode body = JsonIo.body(ctx);
    JsonNode token = body.get("refresh_token");
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      throw ServiceException.invalid(
          List.of("body", "refresh_token"), "a non-empty refresh token string is required");
    }
    if (token.asText().length() > Limits.of("refresh_token")) {
      throw ServiceException.tooLong(List.of("body", "refresh_token"), Limits.of("refresh_token"));
    }
    credentials.storeRefreshToken(Auth.owner(ctx), provider, token.asText().trim());
    JsonIo.message(ctx, "Stored a refresh token for provider " + provider.name() + ".");
  }

  private void forget(Context ctx) {
    ProviderAuth provider = provider(ctx);
    boolean removed = credentials.forget(Auth.owner(ctx), provider);
    JsonIo.message(
        ctx,
        removed
            ? "Removed your credential for provider " + provider.name() + "."
            : "No credential for provider " + provider.name() + " was stored.");
  }

  private ProviderAuth provider(Context ctx) {
    String name = ctx.pathParam("provider");
    return credentials
        .named(name)
        .orElseThrow(
            () ->
                ServiceException.notFound(
                    "no provider named '"
                        + name
                        + "' is configured; GET /provider_credentials lists them"));
  }

  /** The public facts of a provider, for this listing and the discovery document. */
  static void describe(ObjectNode item, ProviderAuth provider) {
    item.put("name", provider.name());
    item.put("url", provider.url());
    item.put("credential", provider.grant().wire());
    provider.scopes().forEach(item.putArray("scopes")::add);
  }
}
