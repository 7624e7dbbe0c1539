package org.globustimer.cli.session;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.globustimer.cli.CliException;

/** What came back from the authorization step: the code, or the issuer's refusal. */
record CodeAnswer(String code, String state, String error, String redirect) {

  /** Reads a redirect's query string ({@code code=…&state=…} or {@code error=…}). */
  static CodeAnswer parse(String query, String redirect) {
    Map<String, String> values = new HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String error = values.get("error");
    if (error != null) {
      String description = values.get("error_description");
      error = description == null ? error : error + ": " + description;
    }
    return new CodeAnswer(values.get("code"), values.get("state"), error, redirect);
  }

  /** Fails unless a code came back for our request ({@code state} matched when it was sent). */
  void check(String expectedState) {
    if (error != null) {
      throw new CliException("the issuer refused the login (" + error + ")");
    }
    if (code == null || code.isBlank()) {
      throw new CliException("no authorization code came back; run 'globus-timer session login'");
    }
    if (state != null && !state.equals(expectedState)) {
      throw new CliException(
          "the answer was for another login request (state differs); run the login again");
    }
  }
}
