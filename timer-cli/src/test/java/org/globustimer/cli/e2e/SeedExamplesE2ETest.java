package org.globustimer.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.globustimer.cli.CliRun;
import org.globustimer.server.testkit.Api;
import org.junit.jupiter.api.Test;

/** The seed README's commands, as users typed them, against the real service. */
class SeedExamplesE2ETest extends LiveService {

  @Test
  void transferQuickstartCreatesATimerOnTheServicesTransferProvider() {
    CliRun.Result result =
        cli()
            .run(
                "job",
                "transfer",
                "--name",
                "example-job",
                "--interval",
                "28800",
                "--start",
                "2020-01-01T12:34:56",
                "--source-endpoint",
                "ddb59aef-6d04-11e5-ba46-22000b92c6ec",
                "--dest-endpoint",
                "ddb59af0-6d04-11e5-ba46-22000b92c6ec",
                "--item",
                "~/file1.txt",
                "~/new_file1.txt",
                "false",
                "--item",
                "~/file2.txt",
                "~/new_file2.txt",
                "false");

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(field(result.out(), "Name")).isEqualTo("example-job");
    assertThat(field(result.out(), "Interval")).isEqualTo("8h (28800 s)");
    String jobId = field(result.out(), "Job ID");
    assertThat(jobId).matches("[0-9a-f-]{36}");

    JsonNode job = new Api(service.url(), service.token()).get("/jobs/" + jobId).body();
    JsonNode discovery = new Api(service.url(), null).get("/.well-known/globus-timer").body();
    assertThat(job.path("callback_url").asText())
        .isEqualTo(discovery.path("transfer_action_url").asText());
    JsonNode body = job.path("callback_body").path("body");
    assertThat(body.path("source_endpoint_id").asText())
        .isEqualTo("ddb59aef-6d04-11e5-ba46-22000b92c6ec");
    assertThat(body.path("transfer_items")).hasSize(2);
    assertThat(body.path("transfer_items").get(1).path("destination_path").asText())
        .isEqualTo("/~/new_file2.txt");
    assertThat(job.path("interval").asLong()).isEqualTo(28800);

    CliRun.Result status = cli().run("job", "status", jobId);
    assertThat(status.code()).as(status.toString()).isZero();
    assertThat(field(status.out(), "Job ID")).isEqualTo(jobId);
    assertThat(field(status.out(), "Last Run Result"))
        .isIn("NOT RUN", "RUNNING", "FAILURE", "RUN COMPLETE");
  }

  @Test
  void submitExampleCallsTheGivenActionUrl() {
    CliRun.Result result =
        cli()
            .run(
                "job",
                "submit",
                "--name",
                "test-tutorial-job",
                "--interval",
                "600",
                "--action-url",
                "https://actions.automate.globus.org/transfer/transfer/run",
                "--action-body",
                "{\"body\": {\"source_endpoint_id\": \"ddb59aef-6d04-11e5-ba46-22000b92c6ec\","
                    + " \"destination_endpoint_id\": \"ddb59af0-6d04-11e5-ba46-22000b92c6ec\","
                    + " \"transfer_items\": [{\"source_path\": \"/~/file1.txt\","
                    + " \"destination_path\": \"/~/new_file1.txt\"}]}}");

    assertThat(result.code()).as(result.toString()).isZero();
    String jobId = field(result.out(), "Job ID");
    JsonNode job = new Api(service.url(), service.token()).get("/jobs/" + jobId).body();
    assertThat(job.path("callback_url").asText())
        .isEqualTo("https://actions.automate.globus.org/transfer/transfer/run");
    assertThat(
            job.path("callback_body")
                .path("body")
                .path("transfer_items")
                .get(0)
                .path("source_path")
                .asText())
        .isEqualTo("/~/file1.txt");

    CliRun.Result list = cli().run("job", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).startsWith("Name").contains("test-tutorial-job").contains(jobId);
  }
}
