package org.globustimer.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TransferBodyTest {

  private static JobTransfer parse(String... args) {
    JobTransfer command = new JobTransfer();
    new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    return command;
  }

  private static final String[] ENDPOINTS = {
    "--source-endpoint", "ddb59aef-6d04-11e5-ba46-22000b92c6ec",
    "--dest-endpoint", "ddb59af0-6d04-11e5-ba46-22000b92c6ec"
  };

  private static String[] with(String... args) {
    String[] all = new String[ENDPOINTS.length + args.length];
    System.arraycopy(ENDPOINTS, 0, all, 0, ENDPOINTS.length);
    System.arraycopy(args, 0, all, ENDPOINTS.length, args.length);
    return all;
  }

  @Test
  void syncLevelZeroIsSentNotDropped() {
    JsonNode body =
        parse(with("--sync-level", "0", "--item", "/a", "/b", "false"))
            .transferBody(List.of(new TransferItem("/a", "/b", false)));
    assertThat(body.has("sync_level")).isTrue();
    assertThat(body.get("sync_level").asInt()).isZero();
  }

  @Test
  void buildsTheAutomateTransferShapeWithEveryOption() {
    JobTransfer command =
        parse(
            with(
                "--label",
                "nightly",
                "--sync-level",
                "checksum",
                "--verify-checksum",
                "--encrypt-data",
                "--preserve-timestamp",
                "--skip-source-errors",
                "--fail-on-quota-errors",
                "--delete-destination-extra",
                "--recursive-symlinks",
                "keep",
                "--include",
                "*.txt",
                "--exclude",
                "*",
                "--include",
                "keep.me"));
    JsonNode body = command.transferBody(List.of(new TransferItem("/d/", "/e/", true)));
    assertThat(body.get("source_endpoint_id").asText())
        .isEqualTo("ddb59aef-6d04-11e5-ba46-22000b92c6ec");
    assertThat(body.get("destination_endpoint_id").asText())
        .isEqualTo("ddb59af0-6d04-11e5-ba46-22000b92c6ec");
    assertThat(body.get("transfer_items").get(0).get("recursive").asBoolean()).isTrue();
    assertThat(body.get("label").asText()).isEqualTo("nightly");
    assertThat(body.get("sync_level").asInt()).isEqualTo(3);
    for (String flag :
        List.of(
            "verify_checksum",
            "encrypt_data",
            "preserve_timestamp",
            "skip_source_errors",
            "fail_on_quota_errors",
            "delete_destination_extra")) {
      assertThat(body.get(flag).asBoolean()).as(flag).isTrue();
    }
    assertThat(body.get("recursive_symlinks").asText()).isEqualTo("keep");
    JsonNode rules = body.get("filter_rules");
    assertThat(rules).hasSize(3);
    assertThat(rules.get(0).get("method").asText()).isEqualTo("include");
    assertThat(rules.get(0).get("name").asText()).isEqualTo("*.txt");
    assertThat(rules.get(1).get("method").asText()).isEqualTo("exclude");
    assertThat(rules.get(2).get("name").asText()).isEqualTo("keep.me");
  }

  @Test
  void unsetFlagsAreLeftOut() {
    JsonNode body = parse(with()).transferBody(List.of(new TransferItem("/a", "/b", false)));
    assertThat(body.has("sync_level")).isFalse();
    assertThat(body.has("verify_checksum")).isFalse();
    assertThat(body.has("filter_rules")).isFalse();
  }

  @Test
  void scheduleBecomesTheV1CreateFields() {
    JobTransfer command =
        parse(
            with(
                "--name",
                "n",
                "--interval",
                "1h 30m",
                "--start",
                "2030-01-01T00:00:00Z",
                "--stop-after-runs",
                "3",
                "--stop-after-date",
                "2031-01-01T00:00:00Z"));
    JsonNode job = command.schedule.toJob(Instant.EPOCH);
    assertThat(job.get("name").asText()).isEqualTo("n");
    assertThat(job.get("interval").asLong()).isEqualTo(5400);
    assertThat(job.get("start").asText()).isEqualTo("2030-01-01T00:00:00Z");
    assertThat(job.get("stop_after").get("n_runs").asInt()).isEqualTo(3);
    assertThat(job.get("stop_after").get("date").asText()).isEqualTo("2031-01-01T00:00:00Z");
  }

  @Test
  void startDefaultsToNow() {
    JsonNode job = parse(with()).schedule.toJob(Instant.parse("2025-05-05T05:05:05Z"));
    assertThat(job.get("start").asText()).isEqualTo("2025-05-05T05:05:05Z");
    assertThat(job.has("stop_after")).isFalse();
  }
}
