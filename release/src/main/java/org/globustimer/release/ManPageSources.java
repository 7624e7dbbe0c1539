package org.globustimer.release;

import java.io.File;
import java.io.IOException;
import org.globustimer.cli.Environment;
import org.globustimer.cli.Main;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes one AsciiDoc man page per command of the CLI, from the same picocli model that parses the
 * command line, so the pages cannot drift from what the commands accept.
 */
public final class ManPageSources {

  private ManPageSources() {}

  public static void main(String[] args) throws IOException {
    File out = new File(args[0]);
    var root = Main.commandLine(Environment.system()).getCommandSpec();
    int code = ManPageGenerator.generateManPage(out, null, new boolean[0], true, root);
    if (code != 0) {
      throw new IllegalStateException("the man page generator failed with code " + code);
    }
  }
}
