package org.globustimer.cli.session;

import static org.globustimer.cli.output.Texts.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.globustimer.cli.output.JsonOutput;
import org.globustimer.cli.output.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "whoami",
    mixinStandardHelpOptions = true,
    description = "Show the identity the service knows you as.")
final class SessionWhoami extends SessionBase {

  enum Format {
    brief,
    full,
    json,
    text,
    unix
  }

  @Option(
      names = {"-F", "--format"},
      paramLabel = "FORMAT",
      description = "${COMPLETION-CANDIDATES} (default: brief).")
  Format format;

  @Override
  public Integer call() {
    JsonNode me = api().get("/whoami", Map.of());
    switch (format == null ? Format.brief : format) {
      case brief -> out().println(text(me, "username"));
      case json -> JsonOutput.print(out(), me);
      case unix ->
          out()
              .println(
                  text(me, "sub")
                      + "\t"
                      + text(me, "username")
                      + "\t"
                      + text(me, "identity_provider"));
      case full, text ->
          new Summary()
              .put("Username", text(me, "username"))
              .put("Subject", text(me, "sub"))
              .put("Identity Provider", text(me, "identity_provider"))
              .put("Service", connection().url().toString())
              .put("Token From", connection().tokens().describe())
              .print(out());
    }
    return 0;
  }
}
