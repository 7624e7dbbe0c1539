package org.globustimer.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.globustimer.cli.CliRun;
import org.globustimer.core.json.Json;
import org.junit.jupiter.api.Test;

class SessionE2ETest extends LiveService {

  @Test
  void whoamiInEachFormat() throws Exception {
    CliRun.Result json = cli().run("session", "whoami", "--format", "json");
    assertThat(json.code()).as(json.toString()).isZero();
    var me = Json.mapper().readTree(json.out());
    assertThat(me.path("sub").asText()).isNotBlank();

    CliRun.Result brief = cli().run("session", "whoami");
    assertThat(brief.out().strip()).isEqualTo(me.path("username").asText());

    CliRun.Result full = cli().run("session", "whoami", "--format", "full");
    assertThat(field(full.out(), "Subject")).isEqualTo(me.path("sub").asText());
    assertThat(field(full.out(), "Token From")).isEqualTo("GLOBUS_TIMER_TOKEN");
  }

  @Test
  void loginToAServiceThatAdvertisesNoLoginSaysWhatToDo() {
    CliRun.Result login = cli().run("session", "login");
    assertThat(login.code()).isEqualTo(1);
    assertThat(login.err()).contains("does not say how to log in").contains("--issuer");
    CliRun.Result revoke = cli().run("session", "revoke");
    assertThat(revoke.code()).as(revoke.toString()).isZero();
    assertThat(revoke.out()).contains("nothing to revoke");
  }

  @Test
  void loginToTheLocalServiceNeedsNothing() {
    CliRun.Result login = cli().env("TIMER_SERVICE_URL", null).run("session", "login");
    assertThat(login.code()).as(login.toString()).isZero();
    assertThat(login.out()).contains("no login is needed");
    CliRun.Result logout = cli().env("TIMER_SERVICE_URL", null).run("session", "logout");
    assertThat(logout.code()).isZero();
  }
}
