package org.globustimer.server.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the API has acknowledged survives the service being killed the next moment. */
class KillAfterAcknowledgeTest {

  @TempDir Path userHome;

  @Test
  void createdTimersAndAPauseSurviveAKillRightAfterTheAnswer() {
    // the restarted process is a new node: a short lease lets it take over the killed one's timers
    try (ServiceProcess service =
        ServiceProcess.forUserHome(userHome).setting("lease_seconds", "5").start()) {
      Api api = service.api();
      String body =
          "{\"name\": \"kept\", \"start\": \""
              + Instant.now().plusSeconds(3600)
              + "\", \"interval\": 600, \"callback_url\": \"https://example.org/run\","
              + " \"callback_body\": {\"body\": {}}}";
      java.util.List<String> ids = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Api.Answer created = api.post("/jobs", body);
        assertThat(created.status()).isEqualTo(201);
        ids.add(created.body().get("job_id").asText());
      }
      String id = ids.getLast();
      assertThat(api.post("/jobs/" + id + "/pause", null).status()).isEqualTo(200);
      service.kill();
      service.startAgain();
      for (String each : ids) {
        assertThat(service.api().get("/jobs/" + each).status()).isEqualTo(200);
      }
      Api.Answer read = service.api().get("/jobs/" + id);
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.body().get("name").asText()).isEqualTo("kept");
      assertThat(read.body().get("status").asText()).isEqualTo("inactive");
    }
  }
}
