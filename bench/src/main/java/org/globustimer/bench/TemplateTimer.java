package org.globustimer.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.globustimer.core.json.Json;
import org.globustimer.core.timer.TimerRow;
import org.globustimer.server.TimerService;

/** The one timer created through the API that the loaders copy ({@link TimerCopies}). */
final class TemplateTimer {

  private TemplateTimer() {}

  /** Creates it, a day ahead, and answers it as the store holds it. */
  static TimerRow create(TimerService service, String token) throws Exception {
    String body =
        "{\"name\":\"template\",\"start\":\""
            + Instant.now().plusSeconds(86_400)
            + "\",\"interval\":3600,\"callback_url\":\"http://127.0.0.1:9/run\","
            + "\"callback_body\":{\"body\":{}}}";
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(service.url() + "/jobs"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    UUID id = UUID.fromString(Json.mapper().readTree(response.body()).get("job_id").asText());
    return service.store().read(tx -> tx.findTimer(id)).orElseThrow();
  }
}
