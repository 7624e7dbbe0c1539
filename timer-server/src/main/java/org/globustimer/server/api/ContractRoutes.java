package org.globustimer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.globustimer.core.error.ServiceException;

/**
 * The contract, served by the service itself: the OpenAPI document at {@code /openapi.json} and a
 * reference page rendering it at {@code /docs}, with every asset from the service's own jar.
 */
final class ContractRoutes {

  static final String DOCUMENT = "/openapi/openapi.yaml";
  static final Set<String> PUBLIC_PATHS = Set.of("/openapi.json", "/docs");
  static final String ASSETS_PREFIX = "/docs/";

  /** The reference page's renderer, a webjar (the pom names its version). */
  private static final String RENDERER = "/META-INF/resources/webjars/swagger-ui/5.34.1/";

  private static final Map<String, String> ASSETS =
      Map.of(
          "swagger-ui.css", RENDERER + "swagger-ui.css",
          "swagger-ui-bundle.js", RENDERER + "swagger-ui-bundle.js",
          "reference.js", "/openapi/reference.js");

  private final String document = load().toString();
  private final byte[] page = resource("/openapi/docs.html");

  /** The document as parsed from its source; the test kit validates answers against it too. */
  static JsonNode load() {
    try (InputStream in = open(DOCUMENT)) {
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DOCUMENT, e);
    }
  }

  void mount(Javalin app) {
    app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(document));
    app.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
    app.get("/docs/{asset}", this::asset);
  }

  private void asset(Context ctx) {
    String name = ctx.pathParam("asset");
    String path = ASSETS.get(name);
    if (path == null) {
      throw ServiceException.notFound("no such asset of the reference page: " + name);
    }
    ctx.contentType(name.endsWith(".css") ? "text/css" : "text/javascript")
        .header("Cache-Control", "max-age=86400")
        .result(resource(path));
  }

  private static byte[] resource(String path) {
    try (InputStream in = open(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static InputStream open(String path) throws IOException {
    InputStream in = ContractRoutes.class.getResourceAsStream(path);
    if (in == null) {
      throw new IOException("missing from the service's jar: " + path);
    }
    return in;
  }
}
