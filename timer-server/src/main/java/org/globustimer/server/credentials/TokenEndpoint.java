package org.globustimer.server.credentials;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.globustimer.server.auth.ClientAuth;
import org.globustimer.server.auth.IssuerMetadata;

/** Grants at an issuer's token endpoint: token exchange (RFC 8693) and refresh (RFC 6749). */
final class TokenEndpoint {

  static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final String serviceIssuer;
  private final Clock clock;
  private volatile URI discoveredTokenUrl;

  TokenEndpoint(HttpClient http, String serviceIssuer, Clock clock) {
    this.http = http;
    this.serviceIssuer = serviceIssuer;
    this.clock = clock;
  }

  TokenAnswer exchange(ProviderAuth provider, String subjectToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", TOKEN_EXCHANGE);
    form.put("subject_token", subjectToken);
    form.put("subject_token_type", ACCESS_TOKEN_TYPE);
    if (!provider.audience().isBlank()) {
      form.put("audience", provider.audience());
    }
    if (!provider.scopes().isEmpty()) {
      form.put("scope", String.join(" ", provider.scopes()));
    }
    return post(provider, form);
  }

  TokenAnswer refresh(ProviderAuth provider, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return post(provider, form);
  }

  private TokenAnswer post(ProviderAuth provider, Map<String, String> form) {
    URI url;
    try {
      url = tokenUrl(provider);
    } catch (IOException e) {
      return new TokenAnswer.Unreachable("cannot read the issuer's discovery document: " + e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    if (provider.clientSecret().isBlank()) {
      form.put("client_id", provider.clientId());
    } else {
      request.header(
          "Authorization", ClientAuth.basic(provider.clientId(), provider.clientSecret()));
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request.POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new TokenAnswer.Unreachable(
          url + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new TokenAnswer.Unreachable(url + ": interrupted");
    }
    return TokenAnswer.of(url, response, clock);
  }

  private URI tokenUrl(ProviderAuth provider) throws IOException {
    if (!provider.tokenUrl().isBlank()) {
      return URI.create(provider.tokenUrl());
    }
    URI known = discoveredTokenUrl;
    if (known == null) {
      IssuerMetadata metadata = IssuerMetadata.fetch(http, serviceIssuer);
      if (metadata.tokenEndpoint() == null) {
        throw new IOException(serviceIssuer + " names no token_endpoint; set token_url");
      }
      known = metadata.tokenEndpoint();
      discoveredTokenUrl = known;
    }
    return known;
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> form(e.getKey()) + "=" + form(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
