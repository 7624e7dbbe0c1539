package org.globustimer.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.globustimer.cli.json.JsonText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Create a timer that calls any action provider with a body you give.")
final class JobSubmit extends JobBase {

  @Mixin ScheduleOptions schedule;

  @Mixin TimingOptions timing;

  @Mixin NotifyOptions notify;

  @Option(
      names = "--action-url",
      required = true,
      paramLabel = "URL",
      description = "The action provider's run URL, e.g. .../transfer/transfer/run.")
  String actionUrl;

  @Option(names = "--scope", description = "The auth scope the action needs.")
  String scope;

  @ArgGroup(exclusive = true, multiplicity = "1")
  ActionBody body;

  static final class ActionBody {
    @Option(
        names = "--action-body",
        paramLabel = "JSON",
        description = "The body to send to the action, as JSON: '{\"body\": {...}}'.")
    String json;

    @Option(
        names = "--action-file",
        paramLabel = "PATH",
        description = "A file holding the action body as JSON.")
    Path file;
  }

  @Override
  public Integer call() {
    JsonNode callbackBody = readBody();
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
    job.put("callback_url", Actions.checkUrl(actionUrl, spec.commandLine()));
    job.set("callback_body", callbackBody);
    if (scope != null) {
      job.put("scope", scope);
    }
    JsonNode created = api().post("/jobs/", Map.of(), job);
    JobView.printJob(out(), created, format());
    return 0;
  }

  private JsonNode readBody() {
    String text;
    String source;
    if (body.json != null) {
      text = body.json;
      source = "--action-body";
    } else {
      source = "--action-file " + body.file;
      try {
        text = Files.readString(body.file);
      } catch (IOException e) {
        throw usageError("cannot read --action-file " + body.file + ": " + e.getMessage());
      }
    }
    JsonNode parsed;
    try {
      parsed = JsonText.read(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw usageError(source + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (parsed == null || !parsed.isObject()) {
      throw usageError(source + " must be a JSON object, such as '{\"body\": {...}}'");
    }
    return parsed;
  }
}
