package org.globustimer.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.globustimer.core.json.Json;

/**
 * The parts of an issuer's OpenID Connect discovery document the service uses; {@code
 * tokenEndpoint} and {@code authorizationEndpoint} are null when the document names none.
 */
public record IssuerMetadata(
    String issuer, URI jwksUri, URI tokenEndpoint, URI authorizationEndpoint) {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Reads {@code <issuer>/.well-known/openid-configuration}; its issuer must be ours exactly. */
  public static IssuerMetadata fetch(HttpClient http, String issuer) throws IOException {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    URI uri = URI.create(base + "/.well-known/openid-configuration");
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted reading " + uri, e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered " + response.statusCode());
    }
    JsonNode doc = Json.mapper().readTree(response.body());
    String advertised = doc.path("issuer").asText("");
    if (!advertised.equals(issuer)) {
      throw new IOException(
          uri + " names issuer '" + advertised + "', not the configured '" + issuer + "'");
    }
    String jwks = doc.path("jwks_uri").asText("");
    if (jwks.isBlank()) {
      throw new IOException(uri + " has no jwks_uri");
    }
    return new IssuerMetadata(
        advertised,
        URI.create(jwks),
        optionalUri(doc, "token_endpoint"),
        optionalUri(doc, "authorization_endpoint"));
  }

  private static URI optionalUri(JsonNode doc, String field) {
    String value = doc.path(field).asText("");
    return value.isBlank() ? null : URI.create(value);
  }
}
