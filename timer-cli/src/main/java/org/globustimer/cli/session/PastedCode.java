package org.globustimer.cli.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.globustimer.cli.CliException;

/** The login without a local browser: print the link, read back the code the user pastes. */
final class PastedCode {

  private final PrintWriter out;
  private final InputStream in;

  PastedCode(PrintWriter out, InputStream in) {
    this.out = out;
    this.in = in;
  }

  CodeAnswer read(URI url, String redirect) {
    out.println("Open this link in a browser and log in:");
    out.println("  " + url);
    out.println(
        "Then paste the code it shows, or the whole address the browser ends on"
            + " ("
            + redirect
            + "?code=...):");
    out.print("Code: ");
    out.flush();
    String line;
    try {
      line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      throw new CliException("cannot read the code: " + e.getMessage(), e);
    }
    if (line == null || line.isBlank()) {
      throw new CliException("no code was entered; run 'globus-timer session login' again");
    }
    String text = line.strip();
    int query = text.indexOf('?');
    if (text.contains("code=") || text.contains("error=")) {
      return CodeAnswer.parse(query >= 0 ? text.substring(query + 1) : text, redirect);
    }
    return CodeAnswer.parse("code=" + URLEncoder.encode(text, StandardCharsets.UTF_8), redirect);
  }
}
