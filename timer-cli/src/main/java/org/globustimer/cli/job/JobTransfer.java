package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
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

  @Mixin TransferSettings settings;

  @ArgGroup(exclusive = true, multiplicity = "0..*")
  List<FilterRule> filters = new ArrayList<>();

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

  private List<TransferItem> items() {
    List<TransferItem> items = new ArrayList<>();
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

  ObjectNode transferBody(List<TransferItem> items) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("source_endpoint_id", sourceEndpoint);
    body.put("destination_endpoint_id", destEndpoint);
    body.set("transfer_items", TransferItems.toJson(items));
    settings.addTo(body);
    FilterRule.addTo(body, filters);
    return body;
  }
}
