package org.globustimer.transfer.copy;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.globustimer.transfer.TransferException;
import org.globustimer.transfer.endpoint.Storage;

/** What the object writes share: opening the source, naming its change, an MD5. */
final class SourceReads {

  private SourceReads() {}

  static InputStream open(Storage src, String srcRel) {
    try {
      return src.openRead(srcRel);
    } catch (TransferException e) {
      throw e.onSource();
    }
  }

  static TransferException changed(String srcRel) {
    return new TransferException(
            "SOURCE_CHANGED", 409, "the source changed size while it was copied: /" + srcRel)
        .onSource();
  }

  static byte[] md5(byte[] data, int n) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      md.update(data, 0, n);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw TransferException.internal("MD5 unavailable", e);
    }
  }
}
