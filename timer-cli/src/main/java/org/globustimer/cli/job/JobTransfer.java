package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "transfer",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Create a timer that transfers files between two endpoints.")
final class JobTransfer extends JobBase {

  enum Symlinks {
    ignore,
    keep,
    copy
  }

  @Mixin ScheduleOptions schedule;

  @Mixin TimingOptions timing;

  @Mixin NotifyOptions notify;

  @Option(names = "--source-endpoint", required = true, paramLabel = "ID")
  String sourceEndpoint;

  @Option(names = "--dest-endpoint", required = true, paramLabel = "ID")
  String destEndpoint;

  @Option(
      names = "--item",
      arity = "3",
      paramLabel = "SRC DST RECURSIVE",
      hideParamSyntax = true,
      description = "A path to copy, where to, and true/false for a directory (repeatable).")
  List<String> itemValues;

  @Option(
      names = "--items-file",
      paramLabel = "PATH",
      description = "CSV lines source_path,destination_path,recursive; # starts a comment.")
  Path itemsFile;

  @Option(names = "--label", description = "A label for each transfer.")
  String label;

  @Option(
      names = "--sync-level",
      paramLabel = "LEVEL",
      converter = Converters.SyncLevelConverter.class,
      description = "Copy only when: 0/exists missing, 1/size differs, 2/mtime newer, 3/checksum.")
  Integer syncLevel;

  @Option(names = "--verify-checksum", description = "Check each copy against the source.")
  boolean verifyChecksum;

  @Option(names = "--encrypt-data", description = "Encrypt data in transit.")
  boolean encryptData;

  @Option(names = "--preserve-timestamp", description = "Give copies the source's mtime.")
  boolean preserveTimestamp;

  @Option(names = "--skip-source-errors", description = "Skip unreadable or vanished sources.")
  boolean skipSourceErrors;

  @Option(names = "--fail-on-quota-errors", description = "Fail at once when out of quota.")
  boolean failOnQuotaErrors;

  @Option(
      names = "--delete-destination-extra",
      description = "Remove what the source lacks from recursive destinations.")
  boolean deleteDestinationExtra;

  @Option(
      names = "--recursive-symlinks",
      paramLabel = "MODE",
      description = "Symlinks in recursive items: ${COMPLETION-CANDIDATES}.")
  Symlinks recursiveSymlinks;

  @ArgGroup(exclusive = true, multiplicity = "0..*")
  List<FilterRule> filters = new ArrayList<>();

  static final class FilterRule {
    @Option(
        names = "--include",
        paramLabel = "GLOB",
        description = "Copy names matching GLOB (repeatable; the first matching rule wins).")
    String include;

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip names matching GLOB.")
    String exclude;
  }

  @Option(
      names = "--scope",
      defaultValue = Actions.TRANSFER_SCOPE,
      description = "The auth scope of the transfer action (default: ${DEFAULT-VALUE}).")
  String scope;

  @Override
  public Integer call() {
    ObjectNode transfer = transferBody(items());
    ObjectNode job = schedule.toJob(Instant.now());
    String timingProblem = timing.addTo(job, schedule.interval != null, true);
    if (timingProblem != null) {
      throw usageError(timingProblem);
    }
    String notifyProblem = notify.addTo(job);
    if (notifyProblem != null) {
      throw usageError(notifyProblem);
    }
    if (timing.cron != null) {
      job.remove("interval");
    }
    job.put("callback_url", Actions.transferRunUrl(api(), verbose, err()));
    ObjectNode callbackBody = JsonNodeFactory.instance.objectNode();
    callbackBody.set("body", transfer);
    job.set("callback_body", callbackBody);
    job.put("scope", scope);
    JsonNode created = api().post("/jobs/", Map.of(), job);
    JobView.printJob(out(), created, format());
    return 0;
  }

  private List<TransferItems.Item> items() {
    List<TransferItems.Item> items = new ArrayList<>();
    try {
      items.addAll(TransferItems.fromTriples(itemValues));
      if (itemsFile != null) {
        items.addAll(ItemsFile.parse(itemsFile.toString(), Files.readAllLines(itemsFile)));
      }
    } catch (IllegalArgumentException e) {
      throw usageError(e.getMessage());
    } catch (IOException e) {
      throw usageError("cannot read --items-file " + itemsFile + ": " + e.getMessage());
    }
    if (items.isEmpty()) {
      throw usageError("give at least one --item SRC DST RECURSIVE or an --items-file");
    }
    return items;
  }

  ObjectNode transferBody(List<TransferItems.Item> items) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("source_endpoint_id", sourceEndpoint);
    body.put("destination_endpoint_id", destEndpoint);
    body.set("transfer_items", TransferItems.toJson(items));
    if (label != null) {
      body.put("label", label);
    }
    if (syncLevel != null) {
      body.put("sync_level", syncLevel);
    }
    putIfSet(body, "verify_checksum", verifyChecksum);
    putIfSet(body, "encrypt_data", encryptData);
    putIfSet(body, "preserve_timestamp", preserveTimestamp);
    putIfSet(body, "skip_source_errors", skipSourceErrors);
    putIfSet(body, "fail_on_quota_errors", failOnQuotaErrors);
    putIfSet(body, "delete_destination_extra", deleteDestinationExtra);
    if (recursiveSymlinks != null) {
      body.put("recursive_symlinks", recursiveSymlinks.name());
    }
    if (!filters.isEmpty()) {
      ArrayNode rules = body.putArray("filter_rules");
      for (FilterRule filter : filters) {
        ObjectNode rule = rules.addObject();
        rule.put("DATA_TYPE", "filter_rule");
        rule.put("method", filter.include != null ? "include" : "exclude");
        rule.put("name", filter.include != null ? filter.include : filter.exclude);
      }
    }
    return body;
  }

  private static void putIfSet(ObjectNode body, String field, boolean value) {
    if (value) {
      body.put(field, true);
    }
  }
}
