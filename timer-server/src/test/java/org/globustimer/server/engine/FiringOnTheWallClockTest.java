package org.globustimer.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real timing queue on the real clock: ticks arrive on time, never early. */
class FiringOnTheWallClockTest {

  @TempDir Path home;
  TestService service;
  FakeActionProvider provider;

  @BeforeEach
  void start() {
    service = TestService.start(home);
    provider = new FakeActionProvider();
  }

  @AfterEach
  void stop() {
    service.close();
    provider.close();
  }

  @Test
  void firesEachTickOnItsInstantAndNeverEarly() {
    Api api = new Api(service.url(), service.token());
    Instant start = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    Api.Answer created =
        api.post(
            "/jobs/",
            "{\"start\": \""
                + start
                + "\", \"interval\": 1, \"callback_url\": \""
                + provider.runUrl()
                + "\", \"callback_body\": {\"body\": {}}, \"stop_after\": {\"n_runs\": 3}}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.body().get("job_id").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/jobs/" + id).body().get("status").asText().equals("ended"));
    List<FakeActionProvider.Submission> fired = provider.submissions();
    assertThat(fired).hasSize(3);
    for (int n = 0; n < 3; n++) {
      Instant tick = start.plusSeconds(n);
      Instant arrived = fired.get(n).arrivedAt();
      assertThat(arrived).as("tick %d is not fired early", n).isAfterOrEqualTo(tick);
      assertThat(arrived).as("tick %d fires before the next tick", n).isBefore(tick.plusSeconds(1));
    }
  }
}
