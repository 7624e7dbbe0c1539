package org.globustimer.cli.session;

import java.io.PrintWriter;
import org.globustimer.cli.Environment;
import picocli.CommandLine.Option;

/** How a login reaches the issuer's page: a browser, or a link to open and a code to paste. */
final class BrowserOptions {

  @Option(
      names = "--no-browser",
      description = "Print the link and read the code (or the address it ends on) from stdin.")
  boolean noBrowser;

  @Option(
      names = "--redirect-uri",
      paramLabel = "URI",
      description = "Where the issuer sends the code with --no-browser (default ${DEFAULT-VALUE}).",
      defaultValue = "http://127.0.0.1/callback")
  String pasteRedirect;

  AuthorizationFlow flow(OAuthClient oauth, PrintWriter out, PrintWriter err, Environment env) {
    return new AuthorizationFlow(
        oauth, out, err, env.stdin(), noBrowser ? null : Browser.command(env), pasteRedirect);
  }
}
