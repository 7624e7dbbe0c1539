package org.globustimer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.globustimer.core.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code release_after}: finished actions disappear on their own once it has passed. */
class ReleaseAfterTest {

  @TempDir Path tmp;
  Harness h;

  @BeforeEach
  void start() throws Exception {
    h = new Harness(tmp);
  }

  @AfterEach
  void stop() {
    h.stop();
  }

  private Harness.Reply submit(String releaseAfter) {
    ObjectNode request = Json.mapper().createObjectNode();
    request.put("release_after", releaseAfter);
    request.set("body", Harness.transfer("/~/f.txt", "/~/g.txt", false));
    return h.post("/transfer/transfer/run", "alice", request);
  }

  @Test
  void aFinishedActionIsReleasedOnceItsReleaseAfterHasPassed() throws Exception {
    Files.writeString(h.home.resolve("f.txt"), "x");
    Harness.Reply kept = submit("P1D");
    Harness.Reply brief = submit("PT1S");
    assertThat(brief.json().get("release_after").asText()).isEqualTo("PT1S");
    String keptId = kept.json().get("action_id").asText();
    String briefId = brief.json().get("action_id").asText();
    h.awaitFinal(keptId);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> h.get("/transfer/transfer/" + briefId + "/status", "alice").status() == 404);
    assertThat(h.get("/transfer/transfer/" + keptId + "/status", "alice").status()).isEqualTo(200);
  }

  @Test
  void aReleaseAfterThatIsNotADurationIsRefused() {
    for (String bad : new String[] {"30 days", "P1M", "-PT1S"}) {
      Harness.Reply r = submit(bad);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().get("description").asText()).startsWith("release_after:");
    }
  }
}
