package org.globustimer.benchpeers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.globustimer.benchpeers.Postgres.Database;
import org.globustimer.server.TimerService;
import org.globustimer.server.config.SettingsLoader;

/** Our service, one {@link TimerService} per node in this JVM; timers created over its API. */
final class OurEngine implements Contender {

  private static final int POOL_SIZE = 32;

  @Override
  public String name() {
    return "globus-timer";
  }

  @Override
  public AutoCloseable deploy(Database database, Workload workload, int nodes, String runUrl)
      throws Exception {
    List<TimerService> services = new ArrayList<>();
    for (int node = 1; node <= nodes; node++) {
      services.add(start(database, "n" + node));
    }
    TimerService first = services.getFirst();
    String token = Files.readString(first.settings().home().resolve("token")).trim();
    create(first.url(), token, workload, runUrl);
    return () -> services.forEach(TimerService::close);
  }

  private static TimerService start(Database database, String nodeId) throws Exception {
    Path home = Files.createTempDirectory("bench-peers-" + nodeId);
    String[] flags = {
      "--home", home.toString(),
      "--port", "0",
      "--database-url", database.url(),
      "--database-user", database.user(),
      "--database-password", database.password(),
      "--database-pool-size", String.valueOf(POOL_SIZE),
      "--node-id", nodeId
    };
    return TimerService.start(SettingsLoader.load(flags, Map.of()), Clock.systemUTC());
  }

  private static void create(String url, String token, Workload workload, String runUrl)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Semaphore inFlight = new Semaphore(32);
    List<Future<Integer>> answers = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int job = 0; job < workload.jobs(); job++) {
        String body =
            "{\"name\":\"bench-%d\",\"start\":\"%s\",\"interval\":%s,\"callback_url\":\"%s\",\"callback_body\":{\"body\":{\"i\":%d}}}"
                .formatted(
                    job, workload.start(job), workload.intervalMillis() / 1000.0, runUrl, job);
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(url + "/jobs"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        inFlight.acquire();
        answers.add(
            threads.submit(
                () -> {
                  try {
                    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                  } finally {
                    inFlight.release();
                  }
                }));
      }
    }
    long refused = 0;
    for (Future<Integer> answer : answers) {
      refused += answer.get() == 201 ? 0 : 1;
    }
    if (refused > 0) {
      throw new IllegalStateException(refused + " timers were refused");
    }
  }
}
