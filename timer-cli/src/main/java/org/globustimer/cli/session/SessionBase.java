package org.globustimer.cli.session;

import java.net.URI;
import org.globustimer.cli.ServiceCommand;
import org.globustimer.cli.http.ServiceLocator;
import org.globustimer.cli.server.LocalService;

/** Session commands decide local or remote without starting anything. */
abstract class SessionBase extends ServiceCommand {

  /** The remote service's URL, or null when the local service is meant. */
  final String remoteUrl() {
    String configured = new ServiceLocator(env(), err()).configuredUrl(serviceUrlOption());
    if (configured == null) {
      return null;
    }
    return connection().local() ? null : configured;
  }

  final URI localUrl() {
    return new LocalService(env()).recorded().map(s -> s.url()).orElse(null);
  }

  final java.nio.file.Path localToken() {
    return new LocalService(env()).tokenFile();
  }

  final java.nio.file.Path tokenCache() {
    return env().userHome().resolve(".config/globus/tokens.json");
  }
}
