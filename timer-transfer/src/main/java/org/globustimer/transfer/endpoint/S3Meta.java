package org.globustimer.transfer.endpoint;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.globustimer.transfer.TransferException;

/**
 * What we keep in an object's user metadata: the source's mtime as decimal seconds ({@code mtime},
 * the form rclone writes) and the content's SHA-256 ({@code sha256}); and the quoting of ETags.
 */
final class S3Meta {

  static final String MTIME = "mtime";
  static final String SHA256 = "sha256";

  private S3Meta() {}

  static Map<String, String> of(ObjectStore.Meta meta) {
    Map<String, String> m = new HashMap<>();
    if (meta.mtime() != null) {
      m.put(MTIME, S3Times.format(meta.mtime()));
    }
    if (meta.sha256() != null) {
      m.put(SHA256, HexFormat.of().formatHex(meta.sha256()));
    }
    return m;
  }

  /** The kept SHA-256, if the metadata holds a well-formed one. */
  static Optional<byte[]> sha256(Map<String, String> metadata) {
    String hex = metadata.get(SHA256);
    if (hex == null || hex.length() != 64) {
      return Optional.empty();
    }
    try {
      return Optional.of(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String md5Base64(byte[] data, int length) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      md.update(data, 0, length);
      return Base64.getEncoder().encodeToString(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw TransferException.internal("MD5 unavailable", e);
    }
  }

  static String unquote(String etag) {
    return etag == null ? null : etag.replace("\"", "");
  }

  static String quote(String etag) {
    return "\"" + etag + "\"";
  }
}
