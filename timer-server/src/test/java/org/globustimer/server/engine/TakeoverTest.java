package org.globustimer.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.globustimer.server.store.TestPostgres;
import org.globustimer.server.testkit.Api;
import org.globustimer.server.testkit.FakeActionProvider;
import org.globustimer.server.testkit.ManualClock;
import org.globustimer.server.testkit.ManualScheduler;
import org.globustimer.server.testkit.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database, on one manual clock: node a fires a timer and dies (its
 * timing queue is never moved again) at each point of a firing; node b takes the timer over once
 * a's lease has run out. Whatever the point, the stretch a was gone for runs once: the latest due
 * tick, or the submission a had in flight, sent again with its own request id.
 */
class TakeoverTest {

  static final Duration INTERVAL = Duration.ofSeconds(2);
  static final Map<String, String> FAST = Map.of("lease_seconds", "5");

  @TempDir Path homes;
  ManualClock clock;
  ManualScheduler timeA;
  ManualScheduler timeB;
  TestService a;
  TestService b;
  FakeActionProvider provider;
  Instant start;
  UUID timer;
  final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() {
    TestPostgres.Database db = TestPostgres.get().newDatabase();
    clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    timeA = new ManualScheduler(clock);
    timeB = new ManualScheduler(clock);
    a = TestService.startManual(homes.resolve("a"), settings(db, "node-a"), timeA);
    b = TestService.startManual(homes.resolve("b"), settings(db, "node-b"), timeB);
    provider = new FakeActionProvider(clock);
    start = clock.instant().plusSeconds(2);
    String body =
        "{\"name\": \"t\", \"start\": \"%s\", \"interval\": 2, \"callback_url\": \"%s\","
            + " \"callback_body\": {\"body\": {}}}";
    Api.Answer created =
        new Api(a.url(), a.token()).post("/jobs/", body.formatted(start, provider.runUrl()));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    timer = UUID.fromString(created.body().get("job_id").asText());
  }

  private static Map<String, String> settings(TestPostgres.Database db, String node) {
    return Map.of(
        "lease_seconds", "5",
        "node_id", node,
        "database_url", db.url(),
        "database_user", db.user(),
        "database_password", db.password());
  }

  @AfterEach
  void stop() {
    release.countDown();
    b.close();
    a.close();
    provider.close();
  }

  private Instant tick(int n) {
    return start.plus(INTERVAL.multipliedBy(n));
  }

  private String requestId(int n) {
    return RequestIds.of(timer, tick(n).toEpochMilli());
  }

  private List<String> requestIds(int... ticks) {
    return IntStream.of(ticks).mapToObj(this::requestId).toList();
  }

  /** Node a fires ticks 0..4 and holds tick 5 (claimed ahead, its lease renewed at tick 4). */
  @Test
  void killedBeforeATickTheTakerFiresOnlyTheLatestDueTick() {
    timeA.advanceTo(tick(5).minusMillis(500));
    assertThat(provider.requestIds()).isEqualTo(requestIds(0, 1, 2, 3, 4));

    // a's lease (renewed when it fired tick 4) ends at tick 4 + 5 s = tick 6.5
    timeB.advanceTo(tick(10));

    assertThat(provider.requestIds())
        .as("ticks 5 and 6 were due by the takeover: 6 runs once for both")
        .isEqualTo(requestIds(0, 1, 2, 3, 4, 6, 7, 8, 9, 10));
    Instant takenOver = provider.submissions().get(5).arrivedAt();
    assertThat(takenOver).isAfterOrEqualTo(tick(4).plusSeconds(5)).isBefore(tick(7));
  }

  @Test
  void killedAfterWritingThePendingSlotTheTakerResendsItAsTheStretchsOneRun() {
    CompletableFuture<Void> dying = killedMidSubmission(provider.holdBeforeRecording);

    assertThat(provider.requestIds())
        .as("tick 4, which a had written as pending, is the one run until the takeover")
        .isEqualTo(requestIds(0, 1, 2, 3, 4, 7, 8, 9, 10));
    assertThat(provider.actionCount()).isEqualTo(9);
    letTheDeadNodeFinish(dying);
  }

  @Test
  void killedAfterTheProviderAnsweredTheTakerResendsTheSameRequestAndGetsTheSameAction() {
    CompletableFuture<Void> dying = killedMidSubmission(provider.holdAfterCreating);

    assertThat(provider.requestIds())
        .as("tick 4 reached the provider from a and again from b, with its request id")
        .isEqualTo(requestIds(0, 1, 2, 3, 4, 4, 7, 8, 9, 10));
    assertThat(provider.actionCount()).as("one action per tick").isEqualTo(9);
    letTheDeadNodeFinish(dying);
  }

  /** a writes tick 4 as pending and never hears back; b takes over after a's lease. */
  private CompletableFuture<Void> killedMidSubmission(AtomicReference<CountDownLatch> hold) {
    timeA.advanceTo(tick(4).minusMillis(1));
    hold.set(release);
    CompletableFuture<Void> dying = CompletableFuture.runAsync(() -> timeA.advanceTo(tick(4)));
    try {
      assertThat(provider.held.await(30, TimeUnit.SECONDS)).as("a's call is held").isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }

    // a's lease, renewed when it wrote tick 4 as pending, ends at tick 6.5
    timeB.advanceTo(tick(10));

    Instant resent =
        provider.submissions().stream()
            .filter(s -> s.requestId().equals(requestId(4)))
            .reduce((first, second) -> second)
            .orElseThrow()
            .arrivedAt();
    assertThat(resent).isAfterOrEqualTo(tick(4).plusSeconds(5)).isBefore(tick(7));
    assertThat(runTicks())
        .as("one run row per tick that ran")
        .containsExactly(
            tick(0), tick(1), tick(2), tick(3), tick(4), tick(7), tick(8), tick(9), tick(10));
    return dying;
  }

  /** The dead node's call returns at last: it finds the timer taken and records nothing. */
  private void letTheDeadNodeFinish(CompletableFuture<Void> dying) {
    String before = results().toString();
    release.countDown();
    dying.join();
    assertThat(results().toString()).isEqualTo(before);
  }

  private com.fasterxml.jackson.databind.JsonNode results() {
    return new Api(b.url(), b.token()).get("/jobs/" + timer).body().at("/results/data");
  }

  private List<Instant> runTicks() {
    return results().findValuesAsText("tick_at").stream().map(Instant::parse).sorted().toList();
  }
}
