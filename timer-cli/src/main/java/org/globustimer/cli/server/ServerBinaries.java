package org.globustimer.cli.server;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.globustimer.cli.CliException;
import org.globustimer.cli.Environment;

/** Where the java executable and the service jar are, as the launcher tells or as found. */
final class ServerBinaries {

  private ServerBinaries() {}

  static String java(Environment env) {
    String given = env.properties().get(Environment.JAVA_PROPERTY);
    if (given != null) {
      return given;
    }
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  static Path serverJar(Environment env) {
    String given = env.properties().get(Environment.SERVER_JAR_PROPERTY);
    Path jar = given != null ? Path.of(given) : besideCliJar();
    if (jar == null || !Files.isRegularFile(jar)) {
      throw new CliException(
          "cannot find the service jar"
              + (jar == null ? "" : " at " + jar)
              + "; build it with 'mvn -pl timer-server -am package' or point -D"
              + Environment.SERVER_JAR_PROPERTY
              + " at it");
    }
    return jar;
  }

  private static Path besideCliJar() {
    try {
      Path location =
          Path.of(ServerBinaries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // A release keeps both jars in lib/; a source tree has each in its module's target/.
      Path sibling = location.resolveSibling("globus-timer-server.jar");
      if (Files.isRegularFile(sibling)) {
        return sibling;
      }
      return location
          .getParent()
          .resolve("../../timer-server/target/globus-timer-server.jar")
          .normalize();
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
