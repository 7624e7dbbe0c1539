package org.globustimer.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that cannot grow answers writes with 503 and the reason, keeps what it has, and takes
 * writes again once it may grow. SQLite's page limit gives the same SQLITE_FULL a full disk gives.
 */
class FullDiskTest {

  @TempDir Path home;
  TestService service;
  Api api;

  @BeforeEach
  void start() {
    service = TestService.start(home);
    api = new Api(service.url(), service.token());
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void aFullDiskAnswers503WithTheReasonAndWritesResumeWhenSpaceReturns() throws Exception {
    String kept = create("kept");
    long pages = pragma("page_count");
    pragma("max_page_count = " + pages);

    Api.Answer refused = null;
    for (int i = 0; i < 200 && (refused == null || refused.status() == 201); i++) {
      refused = api.post("/jobs", body("filler", "x".repeat(20_000)));
    }
    assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
    assertThat(refused.raw()).contains("disk holding the timer database is full");
    assertThat(api.get("/jobs/" + kept).status()).isEqualTo(200);

    pragma("max_page_count = 1073741823");
    String later = create("later");
    assertThat(api.get("/jobs/" + later).body().get("name").asText()).isEqualTo("later");
    assertThat(api.get("/jobs/" + kept).body().get("name").asText()).isEqualTo("kept");
  }

  private String create(String name) {
    Api.Answer created = api.post("/jobs", body(name, ""));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.body().get("job_id").asText();
  }

  private static String body(String name, String padding) {
    return "{\"name\": \""
        + name
        + "\", \"start\": \""
        + Instant.now().plusSeconds(3600)
        + "\", \"interval\": 600, \"callback_url\": \"https://example.org/run\","
        + " \"callback_body\": {\"body\": {\"padding\": \""
        + padding
        + "\"}}}";
  }

  /** Runs a pragma on the service's one writer connection, where the page limit applies. */
  private long pragma(String pragma) throws Exception {
    try (Connection writer = service.service().store().dataSource().getConnection();
        ResultSet rs = writer.createStatement().executeQuery("PRAGMA " + pragma)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
