package org.globustimer.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.globustimer.cli.CliException;
import org.globustimer.cli.Environment;
import org.globustimer.cli.server.LocalService;
import org.globustimer.cli.server.ServerState;
import org.globustimer.cli.session.GivenToken;
import org.globustimer.cli.session.LocalToken;
import org.globustimer.cli.session.TokenCache;
import org.globustimer.cli.session.TokenSource;

/**
 * Decides which service a command talks to: the option, {@code TIMER_SERVICE_URL}, the config file,
 * else the local service (started on demand). A remote service is never started.
 */
public final class ServiceLocator {

  private final Environment env;
  private final PrintWriter err;

  public ServiceLocator(Environment env, PrintWriter err) {
    this.env = env;
    this.err = err;
  }

  /** The configured URL, or null when the local service is the default. */
  public String configuredUrl(String option) {
    if (option != null && !option.isBlank()) {
      return option;
    }
    String variable = env.variable("TIMER_SERVICE_URL");
    return variable != null ? variable : configFileUrl();
  }

  public Connection resolve(String option) {
    LocalService local = new LocalService(env);
    String configured = configuredUrl(option);
    if (configured == null) {
      ServerState state = local.ensureRunning(err);
      return new Connection(state.url(), true, new LocalToken(local.tokenFile()));
    }
    URI url = parse(configured);
    boolean isLocal = local.recorded().map(state -> sameService(state.url(), url)).orElse(false);
    return new Connection(url, isLocal, tokens(isLocal, local));
  }

  private TokenSource tokens(boolean isLocal, LocalService local) {
    String given = env.variable("GLOBUS_TIMER_TOKEN");
    if (given != null) {
      return new GivenToken(given);
    }
    if (isLocal) {
      return new LocalToken(local.tokenFile());
    }
    return new TokenCache(env.userHome().resolve(".config/globus/tokens.json"));
  }

  private String configFileUrl() {
    Path file = env.configHome().resolve("globus-timer/config.properties");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String url = properties.getProperty("service_url");
    return url == null || url.isBlank() ? null : url.strip();
  }

  static URI parse(String text) {
    String trimmed = text.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI url = new URI(trimmed);
      String scheme = url.getScheme();
      if (url.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        throw new URISyntaxException(text, "not an http(s) URL");
      }
      return url;
    } catch (URISyntaxException e) {
      throw new CliException(
          "'" + text + "' is not a service URL; give one such as https://timer.example.org", 2, e);
    }
  }

  private static boolean sameService(URI a, URI b) {
    return a.getPort() == b.getPort()
        && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getScheme().equalsIgnoreCase(b.getScheme());
  }
}
