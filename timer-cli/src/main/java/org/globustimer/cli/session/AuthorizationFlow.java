package org.globustimer.cli.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The authorization-code flow with PKCE as a public client: through a browser and a loopback
 * redirect, or by pasting the code when no browser can be started.
 */
final class AuthorizationFlow {

  private static final Duration BROWSER_WAIT = Duration.ofMinutes(5);

  private final OAuthClient oauth;
  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream stdin;
  private final List<String> browser;
  private final String pasteRedirect;

  /**
   * @param browser the command that opens a browser, or null to paste the code instead
   * @param pasteRedirect where the issuer sends the code when it is pasted
   */
  AuthorizationFlow(
      OAuthClient oauth,
      PrintWriter out,
      PrintWriter err,
      InputStream stdin,
      List<String> browser,
      String pasteRedirect) {
    this.oauth = oauth;
    this.out = out;
    this.err = err;
    this.stdin = stdin;
    this.browser = browser;
    this.pasteRedirect = pasteRedirect;
  }

  /** Runs the flow and answers the token cache entry the issuer's tokens make. */
  ObjectNode authorize(Issuer endpoints, String clientId, List<String> scopes) {
    Pkce pkce = Pkce.create();
    CodeAnswer answer =
        browser != null
            ? viaLoopback(endpoints, clientId, scopes, pkce)
            : new PastedCode(out, stdin)
                .read(
                    OAuthClient.authorizationUrl(endpoints, clientId, scopes, pasteRedirect, pkce),
                    pasteRedirect);
    answer.check(pkce.state());
    return oauth.exchange(endpoints, clientId, answer.code(), answer.redirect(), pkce.verifier());
  }

  private CodeAnswer viaLoopback(
      Issuer endpoints, String clientId, List<String> scopes, Pkce pkce) {
    try (LoopbackRedirect loopback = new LoopbackRedirect()) {
      URI url =
          OAuthClient.authorizationUrl(endpoints, clientId, scopes, loopback.redirectUri(), pkce);
      out.println("Opening a browser to log in at " + endpoints.issuer() + ".");
      out.println("If it does not open, visit this link on this machine:");
      out.println("  " + url);
      out.flush();
      if (!Browser.open(browser, url)) {
        err.println("Could not start a browser; open the link above.");
        err.flush();
      }
      return CodeAnswer.parse(loopback.await(BROWSER_WAIT), loopback.redirectUri());
    }
  }
}
