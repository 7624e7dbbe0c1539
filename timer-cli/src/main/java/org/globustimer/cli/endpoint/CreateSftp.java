package org.globustimer.cli.endpoint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "sftp",
    mixinStandardHelpOptions = true,
    description = "An endpoint on an SFTP server, with a password (from stdin) or a key.")
final class CreateSftp extends EndpointBase {

  @Option(names = "--name", required = true, description = "The endpoint's display name.")
  String name;

  @Option(names = "--host", required = true, description = "The SFTP server.")
  String host;

  @Option(names = "--port", paramLabel = "N", description = "Its port (default 22).")
  Integer port;

  @Option(names = "--user", required = true, description = "The user to log in as.")
  String user;

  @Option(names = "--root", paramLabel = "PATH", description = "The directory to expose.")
  String root;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Credential credential;

  static final class Credential {
    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Option(names = "--key-file", paramLabel = "FILE", description = "A private key file.")
    Path keyFile;
  }

  @Override
  public Integer call() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("display_name", name);
    body.put("type", "sftp");
    body.put("host", host);
    if (port != null) {
      body.put("port", port);
    }
    body.put("username", user);
    if (root != null) {
      body.put("root", root);
    }
    if (credential.keyFile != null) {
      body.put("private_key", readKey(credential.keyFile));
    } else {
      body.put("password", readPassword());
    }
    EndpointView.printOne(out(), api().post(endpointsPath(), Map.of(), body), format());
    return 0;
  }

  private String readKey(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw usageError("cannot read --key-file " + file + ": " + e.getMessage());
    }
  }

  private String readPassword() {
    try {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(env().stdin(), StandardCharsets.UTF_8));
      String line = reader.readLine();
      if (line == null || line.isEmpty()) {
        throw usageError("--password-stdin: no password on standard input");
      }
      return line;
    } catch (IOException e) {
      throw usageError("--password-stdin: " + e.getMessage());
    }
  }
}
