package org.globustimer.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One HTTP request of the CLI. It goes through {@link HttpURLConnection}, whose classes load in a
 * fraction of the time of {@code java.net.http}'s and which sets up TLS only for an https URL (see
 * docs/decisions/cli-startup.md). PATCH, which that class refuses, takes {@link HttpClient}.
 */
public final class Http {

  /** An answer: its status, body (possibly empty) and header values by case-insensitive name. */
  public record Answer(int status, String body, Function<String, String> header) {
    public Optional<String> firstHeader(String name) {
      return Optional.ofNullable(header.apply(name));
    }
  }

  /** The connection was not made in time. */
  public static final class ConnectTimeout extends IOException {
    ConnectTimeout(Throwable cause) {
      super("connect timed out", cause);
    }
  }

  /** The connection was made but the answer did not come in time. */
  public static final class AnswerTimeout extends IOException {
    AnswerTimeout(Throwable cause) {
      super("no answer in time", cause);
    }
  }

  private Http() {}

  public static Answer send(
      String method,
      URI uri,
      Map<String, String> headers,
      String body,
      Duration connectTimeout,
      Duration answerTimeout)
      throws IOException, InterruptedException {
    if ("PATCH".equals(method)) {
      return withHttpClient(method, uri, headers, body, connectTimeout, answerTimeout);
    }
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setConnectTimeout((int) connectTimeout.toMillis());
    connection.setReadTimeout((int) answerTimeout.toMillis());
    connection.setRequestMethod(method);
    connection.setInstanceFollowRedirects(true);
    headers.forEach(connection::setRequestProperty);
    byte[] sent = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    boolean output = sent != null || "POST".equals(method) || "PUT".equals(method);
    if (output) {
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(sent == null ? 0 : sent.length);
    }
    try {
      connection.connect();
    } catch (SocketTimeoutException e) {
      throw new ConnectTimeout(e);
    }
    try {
      if (output) {
        try (OutputStream out = connection.getOutputStream()) {
          if (sent != null) {
            out.write(sent);
          }
        }
      }
      int status = connection.getResponseCode();
      InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      String text = "";
      if (in != null) {
        try (in) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return new Answer(status, text, connection::getHeaderField);
    } catch (SocketTimeoutException e) {
      throw new AnswerTimeout(e);
    }
  }

  private static Answer withHttpClient(
      String method,
      URI uri,
      Map<String, String> headers,
      String body,
      Duration connectTimeout,
      Duration answerTimeout)
      throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(answerTimeout);
    headers.forEach(request::header);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.body() == null ? "" : response.body(),
          name -> response.headers().firstValue(name).orElse(null));
    } catch (java.net.http.HttpConnectTimeoutException e) {
      throw new ConnectTimeout(e);
    } catch (java.net.http.HttpTimeoutException e) {
      throw new AnswerTimeout(e);
    }
  }
}
