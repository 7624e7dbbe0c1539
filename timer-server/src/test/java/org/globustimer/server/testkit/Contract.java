package org.globustimer.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The service's OpenAPI document as a checker of answers: every JSON answer the test kit's client
 * receives from the service must match the schema the document gives for that path, method and
 * status, and a path, method or status the document does not list fails too. The schemas are
 * checked by networknt's JSON Schema validator in the OpenAPI 3.1 dialect, formats included.
 */
public final class Contract {

  private static final String BASE = "https://globus-timer.invalid/openapi.json";
  private static final Contract INSTANCE = new Contract();

  private final JsonNode document;
  private final SchemaRegistry registry;
  private final List<Route> routes = new ArrayList<>();
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private record Route(Pattern pattern, String template, JsonNode item, String pointer) {}

  private Contract() {
    try (InputStream in = Contract.class.getResourceAsStream("/openapi/openapi.yaml")) {
      document = new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    registry =
        SchemaRegistry.withDialect(
            Dialects.getOpenApi31(),
            b -> b.schemaRegistryConfig(config).schemas(Map.of(BASE, document.toString())));
    for (Iterator<Map.Entry<String, JsonNode>> it = document.get("paths").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      String regex =
          path.getKey().replaceAll("/$", "").replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\.");
      String pointer = "/paths/" + escape(path.getKey());
      JsonNode item = path.getValue();
      if (item.has("$ref")) {
        pointer = item.get("$ref").asText().substring(1);
        item = document.at(pointer);
      }
      routes.add(new Route(Pattern.compile(regex + "/?"), path.getKey(), item, pointer));
    }
  }

  public static Contract get() {
    return INSTANCE;
  }

  public JsonNode document() {
    return document;
  }

  /** Problems of one answer; empty when it matches the document. */
  public List<String> problems(String method, String pathAndQuery, int status, JsonNode body) {
    String path = pathAndQuery.replaceAll("\\?.*$", "");
    Route route =
        routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst().orElse(null);
    String what = method + " " + path + " → " + status;
    if (route == null) {
      return status == 400 || status == 404 || status == 405 || status == 422
          ? checkError(what, path, status, body)
          : List.of(what + ": no such path in the document");
    }
    String verb = method.toLowerCase(Locale.ROOT);
    JsonNode operation = route.item().get(verb);
    if (operation == null) {
      return status == 400 || status == 404 || status == 405 || status == 422
          ? checkError(what, path, status, body)
          : List.of(what + ": the document has no " + method + " here");
    }
    String code = String.valueOf(status);
    JsonNode response = operation.path("responses").get(code);
    String pointer = route.pointer() + "/" + verb + "/responses/" + code;
    if (response == null) {
      return List.of(what + ": the document lists no " + code + " answer for " + route.template());
    }
    if (response.has("$ref")) {
      pointer = response.get("$ref").asText().substring(1);
      response = document.at(pointer);
    }
    JsonNode media = response.path("content").path("application/json");
    if (media.isMissingNode()) {
      return List.of();
    }
    if (body == null) {
      return List.of(what + ": the document says JSON, the answer is not JSON");
    }
    return validate(what, pointer + "/content/application~1json/schema", body);
  }

  /** A route that does not exist answers the error shape of the API it would belong to. */
  private List<String> checkError(String what, String path, int status, JsonNode body) {
    if (body == null) {
      return List.of(what + ": an error without a JSON body");
    }
    // A query over its length limit is refused before any route is looked up.
    String shape =
        status == 400
            ? "ErrorResponse"
            : path.startsWith("/transfer/transfer")
                ? "ActionError"
                : status == 422 ? "HTTPValidationError" : "ErrorResponse";
    return validate(what, "/components/schemas/" + shape, body);
  }

  private List<String> validate(String what, String pointer, JsonNode body) {
    Schema schema =
        schemas.computeIfAbsent(
            pointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
    List<String> found = new ArrayList<>();
    for (Error error : schema.validate(body)) {
      found.add(what + ": " + error);
    }
    return found;
  }

  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
