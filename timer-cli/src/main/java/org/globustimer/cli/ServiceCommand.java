package org.globustimer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.globustimer.cli.http.ApiClient;
import org.globustimer.cli.http.Connection;
import org.globustimer.cli.http.ServiceLocator;
import org.globustimer.cli.http.VersionSkew;
import org.globustimer.cli.output.OutputFormat;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that talks to a timer service. Subclasses add their own options. */
public abstract class ServiceCommand implements Callable<Integer> {

  @Spec protected CommandSpec spec;

  @Mixin ConnectionOptions connection;

  private Connection resolved;
  private ApiClient api;

  protected final RootCommand root() {
    return (RootCommand) spec.root().userObject();
  }

  protected final Environment env() {
    return root().environment();
  }

  protected final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected final PrintWriter err() {
    return spec.commandLine().getErr();
  }

  protected final String serviceUrlOption() {
    return connection.serviceUrl != null ? connection.serviceUrl : root().connection().serviceUrl;
  }

  /** The service this command talks to; the local one is started here when it is the default. */
  protected final Connection connection() {
    if (resolved == null) {
      resolved = new ServiceLocator(env(), err()).resolve(serviceUrlOption());
    }
    return resolved;
  }

  protected final ApiClient api() {
    if (api == null) {
      api =
          new ApiClient(
              connection(),
              new VersionSkew(err(), env().stateHome().resolve("globus-timer/version-notices")));
    }
    return api;
  }

  /** The output format: this command's -F, else the one given before the command, else text. */
  protected final OutputFormat format(FormatOption own) {
    if (own != null && own.format != null) {
      return own.format;
    }
    OutputFormat before = root().format().format;
    return before != null ? before : OutputFormat.TEXT;
  }

  protected final ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
