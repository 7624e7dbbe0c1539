package org.globustimer.transfer.copy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.Adler32;
import java.util.zip.Checksum;
import org.globustimer.transfer.TransferException;

/**
 * The algorithms a transfer item may name in {@code checksum_algorithm}: what {@code
 * verify_checksum} and sync level 3 then compare with, instead of our defaults.
 */
public enum ChecksumAlgorithm {
  MD5("MD5"),
  SHA1("SHA-1"),
  SHA256("SHA-256"),
  SHA512("SHA-512"),
  ADLER32(Adler32::new),
  CRC32(java.util.zip.CRC32::new),
  CRC32C(java.util.zip.CRC32C::new);

  /** Running state of one hash. */
  interface Hasher {
    void update(ByteBuffer data);

    void update(byte[] data, int offset, int length);

    byte[] value();
  }

  private final String jcaName;
  private final Supplier<Checksum> checksum;

  ChecksumAlgorithm(String jcaName) {
    this.jcaName = jcaName;
    this.checksum = null;
  }

  ChecksumAlgorithm(Supplier<Checksum> checksum) {
    this.jcaName = null;
    this.checksum = checksum;
  }

  /** Accepts the names Globus Transfer uses, in any case, with or without a hyphen. */
  static ChecksumAlgorithm parse(String name, String where) {
    String key = name.toUpperCase(Locale.ROOT).replace("-", "");
    for (ChecksumAlgorithm a : values()) {
      if (a.name().equals(key)) {
        return a;
      }
    }
    throw TransferException.badRequest(
        where + ": must be one of " + Arrays.toString(values()) + ", not \"" + name + "\"");
  }

  Hasher newHasher() {
    if (checksum != null) {
      Checksum c = checksum.get();
      return new Hasher() {
        @Override
        public void update(ByteBuffer data) {
          c.update(data);
        }

        @Override
        public void update(byte[] data, int offset, int length) {
          c.update(data, offset, length);
        }

        @Override
        public byte[] value() {
          return ByteBuffer.allocate(8).putLong(c.getValue()).array();
        }
      };
    }
    MessageDigest md;
    try {
      md = MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw TransferException.internal(jcaName + " unavailable", e);
    }
    return new Hasher() {
      @Override
      public void update(ByteBuffer data) {
        md.update(data);
      }

      @Override
      public void update(byte[] data, int offset, int length) {
        md.update(data, offset, length);
      }

      @Override
      public byte[] value() {
        return md.digest();
      }
    };
  }
}
