package org.globustimer.cli.session;

import static org.globustimer.cli.output.Texts.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.globustimer.cli.CliException;
import org.globustimer.cli.FormatOption;
import org.globustimer.cli.json.JsonText;
import org.globustimer.cli.output.JsonOutput;
import org.globustimer.cli.output.OutputFormat;
import org.globustimer.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "consent",
    mixinStandardHelpOptions = true,
    description = {
      "Let the service call an external action provider for you. For a provider that keeps a"
          + " refresh token, log in at the issuer for that provider's scopes and store the refresh"
          + " token with the service (sealed at rest). Without PROVIDER, list the providers and"
          + " what the service holds for you."
    })
final class SessionConsent extends SessionBase {

  private static final String PATH = "/provider_credentials";

  @Parameters(
      paramLabel = "PROVIDER",
      arity = "0..1",
      description = "The provider's name, as the listing shows it.")
  String provider;

  @Mixin BrowserOptions browser;

  @Mixin FormatOption formatOption;

  @Override
  public Integer call() {
    JsonNode listing = api().get(PATH, Map.of());
    if (provider == null) {
      list(listing);
      return 0;
    }
    JsonNode chosen = find(listing);
    if (!"refresh_token".equals(text(chosen, "credential"))) {
      out()
          .println(
              "Provider "
                  + provider
                  + " gets its tokens by exchanging your login's token; nothing is stored here."
                  + " After 'globus-timer session login', resume a paused timer with 'globus-timer"
                  + " job resume --update-credentials JOB_ID'.");
      return 0;
    }
    JsonNode login = api().discovery().map(doc -> doc.path("login")).orElse(null);
    if (login == null || !login.isObject()) {
      throw new CliException(
          "the service does not say where to log in (no login block in its discovery document);"
              + " ask its operator to set oidc_issuer and oidc_client_id");
    }
    List<String> scopes = new ArrayList<>();
    chosen.path("scopes").forEach(s -> scopes.add(s.asText()));
    if (scopes.isEmpty()) {
      login.path("scopes").forEach(s -> scopes.add(s.asText()));
    }
    OAuthClient oauth = new OAuthClient(Clock.systemUTC());
    Issuer endpoints = oauth.discover(login.path("issuer").asText());
    ObjectNode entry =
        browser
            .flow(oauth, out(), err(), env())
            .authorize(endpoints, login.path("client_id").asText(), scopes);
    String refreshToken = entry.path("refresh_token").asText("");
    if (refreshToken.isBlank()) {
      throw new CliException(
          "the issuer gave no refresh token for "
              + String.join(" ", scopes)
              + "; ask the service's operator to add offline_access to provider."
              + provider
              + ".scopes");
    }
    ObjectNode body = JsonText.object();
    body.put("refresh_token", refreshToken);
    JsonNode answer = api().put(PATH + "/" + provider, body);
    out().println(text(answer, "message"));
    return 0;
  }

  private JsonNode find(JsonNode listing) {
    List<String> names = new ArrayList<>();
    for (JsonNode item : listing.path("providers")) {
      if (provider.equals(text(item, "name"))) {
        return item;
      }
      names.add(text(item, "name"));
    }
    throw new CliException(
        "the service has no provider named '"
            + provider
            + "'"
            + (names.isEmpty()
                ? "; it has none configured"
                : "; it has: " + String.join(", ", names)));
  }

  private void list(JsonNode listing) {
    OutputFormat format = format(formatOption);
    if (format == OutputFormat.JSON) {
      JsonOutput.print(out(), listing);
      return;
    }
    Table table = new Table("Provider", "URL", "Credential", "Stored", "Updated");
    for (JsonNode item : listing.path("providers")) {
      table.add(
          text(item, "name"),
          text(item, "url"),
          text(item, "credential"),
          item.path("stored").asBoolean() ? "yes" : "no",
          text(item, "updated_at"));
    }
    if (table.isEmpty() && format != OutputFormat.UNIX) {
      out().println("The service calls no external provider with your credentials.");
      return;
    }
    table.print(out(), format);
  }
}
