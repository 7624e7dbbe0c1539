package org.globustimer.cli.session;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.globustimer.cli.CliRun;
import org.globustimer.cli.Environment;
import org.globustimer.cli.Main;

/**
 * Runs {@code session login} in the background and plays the user's browser: reads the link the CLI
 * prints, asks the issuer to authorize it, and follows the redirect back (loopback) or types the
 * address into the CLI's stdin (paste flow).
 */
final class LoginDriver {

  private static final Pattern LINK = Pattern.compile("(http://\\S+/authorize\\?\\S+)");

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final PipedOutputStream typed = new PipedOutputStream();
  private final CompletableFuture<CliRun.Result> result;

  LoginDriver(Path userHome, Map<String, String> variables, String... args) {
    PipedInputStream stdin;
    try {
      stdin = new PipedInputStream(typed);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> all = new HashMap<>(variables);
    all.put("GLOBUS_TIMER_HOME", userHome.resolve("timer-home").toString());
    all.put("XDG_CONFIG_HOME", userHome.resolve("config").toString());
    Environment env = new Environment(Map.copyOf(all), Map.of(), userHome, stdin, false);
    result =
        CompletableFuture.supplyAsync(
            () -> {
              int code =
                  Main.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
              return new CliRun.Result(code, out.toString(), err.toString());
            });
  }

  /** The authorization link the CLI printed. */
  URI link() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> LINK.matcher(out.toString()).find() || result.isDone());
    Matcher m = LINK.matcher(out.toString());
    if (!m.find()) {
      throw new AssertionError("no link printed: " + result.join());
    }
    return URI.create(m.group(1));
  }

  /** What the issuer redirects the browser to after approving the link. */
  String authorize(URI link) throws Exception {
    HttpResponse<String> answer =
        http.send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 302) {
      throw new AssertionError("issuer answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.headers().firstValue("Location").orElseThrow();
  }

  /**
   * What the issuer redirects the browser to once {@code user} has logged in on its page for the
   * link, as a browser would post the login form; {@code claims} (JSON, or null) are extra claims
   * for the tokens.
   */
  static String authorizeAs(URI link, String user, String claims) throws Exception {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
    if (claims != null) {
      form += "&claims=" + URLEncoder.encode(claims, StandardCharsets.UTF_8);
    }
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(link)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 302) {
      throw new AssertionError("issuer answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.headers().firstValue("Location").orElseThrow();
  }

  /** Follows the redirect to the CLI's loopback listener, as the browser would. */
  int followRedirect(String location) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(location)).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  void type(String line) throws IOException {
    typed.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    typed.flush();
  }

  CliRun.Result finish() {
    return result.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
  }

  static List<String> login(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("session", "login"));
    args.addAll(List.of(more));
    return args;
  }
}
