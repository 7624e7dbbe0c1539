package org.globustimer.transfer.copy;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.IoErrors;
import org.globustimer.transfer.endpoint.Storage;

/** SHA-256 of a file's content; see docs/decisions/transfer-checksums.md. */
final class Checksums {

  private static final int BUFFER = 256 * 1024;

  private Checksums() {}

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw TransferException.internal("SHA-256 unavailable", e);
    }
  }

  static byte[] of(Storage storage, String rel, Progress progress, Control control) {
    MessageDigest md = digest();
    try (InputStream in = storage.openRead(rel)) {
      byte[] buf = new byte[BUFFER];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
        progress.bytesChecksummed.addAndGet(n);
        control.check();
      }
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
    return md.digest();
  }
}
