package org.globustimer.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorDetailTest {

  @Test
  void errorObjectsGiveTheirDetail() {
    assertThat(
            ErrorDetail.describe(
                404, "{\"error\": {\"code\": \"not_found\", \"detail\": \"no such job\"}}"))
        .isEqualTo("no such job (404)");
  }

  @Test
  void validationProblemsNameTheField() {
    String body =
        "{\"detail\": [{\"loc\": [\"body\", \"interval\"], \"msg\": \"must be at least 1 second\","
            + " \"type\": \"value_error\"}, {\"loc\": [\"body\", \"stop_after\", \"n_runs\"],"
            + " \"msg\": \"must be positive\", \"type\": \"value_error\"}]}";
    assertThat(ErrorDetail.describe(422, body))
        .isEqualTo(
            "interval: must be at least 1 second; stop_after.n_runs: must be positive (422)");
  }

  @Test
  void actionProviderStyleAndPlainBodies() {
    assertThat(
            ErrorDetail.describe(
                400, "{\"error\": \"bad_request\", \"description\": \"no items\"}"))
        .isEqualTo("no items (400)");
    assertThat(ErrorDetail.describe(502, "<html>\n<b>Bad gateway</b>\n</html>"))
        .isEqualTo("<html> <b>Bad gateway</b> </html> (502)");
    assertThat(ErrorDetail.describe(500, ""))
        .isEqualTo("the service answered HTTP 500 without saying why");
  }
}
