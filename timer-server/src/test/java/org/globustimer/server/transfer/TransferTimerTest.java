package org.globustimer.server.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.globustimer.server.transfer.Timers.automate;
import static org.globustimer.server.transfer.Timers.item;
import static org.globustimer.server.transfer.Timers.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.globustimer.core.json.Json;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfer timers end to end: the service in its own process, timers created over HTTP, the
 * built-in provider copying real files inside a home directory of the test's.
 */
class TransferTimerTest {

  /** The tutorial collections the seed's quickstart names; locally they are the home's files. */
  private static final String TUTORIAL_1 = "ddb59aef-6d04-11e5-ba46-22000b92c6ec";

  private static final String TUTORIAL_2 = "ddb59af0-6d04-11e5-ba46-22000b92c6ec";

  @TempDir static Path home;
  static ServiceProcess service;
  static Timers timers;
  Path dir;

  @BeforeAll
  static void startService() {
    service = ServiceProcess.forUserHome(home).start();
    timers = new Timers(service.api());
  }

  @AfterAll
  static void stopService() {
    service.close();
  }

  @BeforeEach
  void ownDirectory(TestInfo test) throws IOException {
    dir = Files.createDirectories(home.resolve(test.getTestMethod().orElseThrow().getName()));
  }

  @Test
  void theSeedQuickstartTimerCopiesAFileBetweenTheTutorialEndpoints() throws IOException {
    Path source = Files.writeString(dir.resolve("file1.txt"), "hello\n");
    Path target = dir.resolve("new_file1.txt");
    ObjectNode transfer =
        automate(TUTORIAL_1, TUTORIAL_2, item(source.toString(), target.toString(), false));

    String id = timers.createV1("example-job", 28800, 1, transfer);
    JsonNode run = timers.awaitFirstRun(id);

    assertThat(run.get("run_status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(Files.readString(target)).isEqualTo("hello\n");
    assertThat(task(run).get("files_transferred").asInt()).isEqualTo(1);
    assertThat(task(run).get("bytes_transferred").asInt()).isEqualTo(6);
  }

  @Test
  void aV2TransferTimerCopiesWithTheTransferDocument() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path dst = Files.createDirectories(dir.resolve("dst"));
    Files.writeString(src.resolve("report.csv"), "a,b\n1,2\n");
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("source_endpoint", timers.posixEndpoint(src));
    body.put("destination_endpoint", timers.posixEndpoint(dst));
    body.putArray("DATA").add(item("/report.csv", "/copies/report.csv", false));
    ObjectNode timer = Json.mapper().createObjectNode();
    ObjectNode spec = timer.putObject("timer");
    spec.put("name", "v2").put("timer_type", "transfer");
    spec.putObject("schedule")
        .put("type", "recurring")
        .put("interval_seconds", 3600)
        .put("start", Instant.now().toString())
        .putObject("end")
        .put("condition", "iterations")
        .put("iterations", 1);
    spec.set("body", body);

    Api.Answer created = timers.api().post("/v2/timer", timer.toString());
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    JsonNode run = timers.awaitFirstRun(created.body().get("timer").get("job_id").asText());

    assertThat(run.get("run_status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(Files.readString(dst.resolve("copies/report.csv"))).isEqualTo("a,b\n1,2\n");
  }

  @Test
  void atSyncLevelMtimeALaterTickCopiesOnlyTheFileThatChanged() throws IOException {
    Path src = dir.resolve("src");
    Path dst = dir.resolve("dst");
    Files.createDirectories(src.resolve("sub"));
    for (String name : List.of("a.txt", "b.txt", "sub/c.txt", "sub/d.txt")) {
      Files.writeString(src.resolve(name), "first " + name);
    }
    ObjectNode transfer =
        automate(TUTORIAL_1, TUTORIAL_2, item(src.toString(), dst.toString(), true));
    transfer.put("sync_level", 2);

    String id = timers.createV1("mirror", 1, 20, transfer);
    JsonNode first = timers.awaitFirstRun(id);
    assertThat(task(first).get("files_transferred").asInt()).as(first.toString()).isEqualTo(4);
    Map<String, Object> untouched = new HashMap<>();
    for (String name : List.of("a.txt", "sub/c.txt", "sub/d.txt")) {
      untouched.put(name, Files.readAttributes(dst.resolve(name), "unix:ino").get("ino"));
    }
    Path changed = src.resolve("b.txt");
    Files.writeString(changed, "second b.txt");
    Files.setLastModifiedTime(changed, FileTime.from(Instant.now().plusSeconds(60)));

    String firstRequest = first.get("request_id").asText();
    JsonNode later =
        timers.awaitRun(
            id,
            run ->
                !run.get("request_id").asText().equals(firstRequest)
                    && task(run).path("files_transferred").asInt() > 0);
    timers.delete(id);

    assertThat(later.get("run_status").asText()).isEqualTo("SUCCEEDED");
    assertThat(task(later).get("files_transferred").asInt()).as(later.toString()).isEqualTo(1);
    assertThat(task(later).get("files_skipped").asInt()).isEqualTo(3);
    assertThat(Files.readString(dst.resolve("b.txt"))).isEqualTo("second b.txt");
    for (var e : untouched.entrySet()) {
      assertThat(Files.readAttributes(dst.resolve(e.getKey()), "unix:ino").get("ino"))
          .as("%s is the file the first tick wrote", e.getKey())
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void deleteDestinationExtraRemovesWhatTheSourceLacks() throws IOException {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/keep.txt"), "keep");
    Files.createDirectories(dir.resolve("dst/old-dir"));
    Files.writeString(dir.resolve("dst/old.txt"), "stale");
    Files.writeString(dir.resolve("dst/old-dir/inner.txt"), "stale");
    ObjectNode transfer = automate(TUTORIAL_1, TUTORIAL_2, item(dir + "/src", dir + "/dst", true));
    transfer.put("delete_destination_extra", true);

    JsonNode run = timers.awaitFirstRun(timers.createV1("clean", 3600, 1, transfer));

    assertThat(run.get("run_status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    try (var left = Files.list(dir.resolve("dst"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
    }
    assertThat(task(run).get("files_deleted").asInt()).isEqualTo(2);
  }

  @Test
  void filterRulesDecideWhatIsCopiedAndWhatExtraIsKept() throws IOException {
    Files.createDirectories(dir.resolve("src/cache"));
    Files.writeString(dir.resolve("src/data.csv"), "data");
    Files.writeString(dir.resolve("src/scratch.tmp"), "scratch");
    Files.writeString(dir.resolve("src/cache/blob"), "blob");
    Files.createDirectories(dir.resolve("dst"));
    Files.writeString(dir.resolve("dst/mine.tmp"), "the destination's own");
    ObjectNode transfer = automate(TUTORIAL_1, TUTORIAL_2, item(dir + "/src", dir + "/dst", true));
    transfer.put("delete_destination_extra", true);
    var rules = transfer.putArray("filter_rules");
    rules.addObject().put("method", "exclude").put("name", "*.tmp");
    rules.addObject().put("method", "exclude").put("name", "cache").put("type", "dir");

    JsonNode run = timers.awaitFirstRun(timers.createV1("filtered", 3600, 1, transfer));

    assertThat(run.get("run_status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(dir.resolve("dst/data.csv")).hasContent("data");
    assertThat(dir.resolve("dst/scratch.tmp")).doesNotExist();
    assertThat(dir.resolve("dst/cache")).doesNotExist();
    assertThat(dir.resolve("dst/mine.tmp")).as("excluded names are not extras").exists();
  }

  @Test
  void aMissingSourceFailsTheRunPromptlyAndSaysWhy() {
    Path missing = dir.resolve("not-there.txt");
    ObjectNode transfer =
        automate(TUTORIAL_1, TUTORIAL_2, item(missing.toString(), dir + "/copy.txt", false));
    Instant created = Instant.now();

    JsonNode run = timers.awaitFirstRun(timers.createV1("missing", 3600, 1, transfer));

    assertThat(run.get("run_status").asText()).isEqualTo("FAILED");
    JsonNode task = run.path("data").path("details");
    assertThat(task.get("code").asText()).isEqualTo("FILE_NOT_FOUND");
    assertThat(task.get("description").asText()).contains(missing.toString());
    assertThat(task.get("is_ok").asBoolean()).isFalse();
    assertThat(Duration.between(created, Instant.parse(run.get("end_timestamp").asText())))
        .isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void pathsThatClimbOutOfTheEndpointAreRefusedAndNothingIsWritten() throws IOException {
    Path outside = Files.createTempDirectory("outside-home");
    try {
      Files.writeString(outside.resolve("secret.txt"), "secret");
      Files.createSymbolicLink(dir.resolve("escape"), outside);
      Map<String, String> attempts =
          Map.of(
              dir + "/../../" + outside.getFileName() + "/secret.txt", dir + "/a.txt",
              outside + "/secret.txt", dir + "/b.txt",
              dir + "/escape/secret.txt", dir + "/c.txt");
      for (var attempt : attempts.entrySet()) {
        ObjectNode transfer =
            automate(TUTORIAL_1, TUTORIAL_2, item(attempt.getKey(), attempt.getValue(), false));
        JsonNode run = timers.awaitFirstRun(timers.createV1("escape", 3600, 1, transfer));
        assertThat(run.get("run_status").asText()).as(attempt.getKey()).isEqualTo("FAILED");
        assertThat(task(run).get("code").asText()).isEqualTo("PATH_OUTSIDE_ENDPOINT");
        assertThat(Path.of(attempt.getValue())).doesNotExist();
      }
      Files.writeString(dir.resolve("in.txt"), "in");
      ObjectNode out =
          automate(TUTORIAL_1, TUTORIAL_2, item(dir + "/in.txt", dir + "/escape/in.txt", false));
      JsonNode run = timers.awaitFirstRun(timers.createV1("escape-out", 3600, 1, out));
      assertThat(run.get("run_status").asText()).isEqualTo("FAILED");
      assertThat(outside.resolve("in.txt")).doesNotExist();
    } finally {
      try (var files = Files.list(outside)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(outside);
    }
  }

  @Test
  void theSameRequestIdTwiceIsOneAction() throws IOException {
    Path source = Files.writeString(dir.resolve("once.txt"), "once");
    ObjectNode request = Json.mapper().createObjectNode();
    request.put("request_id", UUID.randomUUID().toString());
    request.set(
        "body",
        automate(TUTORIAL_1, TUTORIAL_2, item(source.toString(), dir + "/copy.txt", false)));
    String path = java.net.URI.create(timers.transferActionUrl()).getPath();

    Api.Answer first = timers.api().post(path, request.toString());
    Api.Answer second = timers.api().post(path, request.toString());

    assertThat(first.status()).as(first.raw()).isIn(200, 202);
    assertThat(second.status()).as(second.raw()).isIn(200, 202);
    String actionId = first.body().get("action_id").asText();
    assertThat(second.body().get("action_id").asText()).isEqualTo(actionId);
    String statusPath = path.replace("/run", "/" + actionId + "/status");
    org.awaitility.Awaitility.await()
        .atMost(Timers.PATIENCE)
        .until(
            () -> timers.api().get(statusPath).body().get("status").asText().equals("SUCCEEDED"));
    assertThat(dir.resolve("copy.txt")).hasContent("once");
    assertThat(timers.api().get(statusPath).body().get("details").get("files").asInt())
        .isEqualTo(1);
  }
}
