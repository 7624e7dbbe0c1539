package org.globustimer.core.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets kept at rest (stored credentials, refresh tokens) with AES-GCM: base64(iv ||
 * ciphertext+tag), a fresh IV each time, so a tampered or foreign blob fails to open.
 */
public final class Sealer {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public Sealer(byte[] secret) {
    this.key = new SecretKeySpec(normalize(secret), "AES");
  }

  private static byte[] normalize(byte[] secret) {
    if (secret.length == 16 || secret.length == 32) {
      return secret.clone();
    }
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  public String seal(String plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** Opens what {@link #seal} made with the same key. */
  public String open(String blob) {
    try {
      byte[] all = Base64.getDecoder().decode(blob);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new UnopenableSecret(e);
    }
  }

  /** A sealed secret that this key cannot open: another key sealed it, or it was altered. */
  public static final class UnopenableSecret extends RuntimeException {
    UnopenableSecret(Throwable cause) {
      super("a stored secret cannot be decrypted with the configured key", cause);
    }
  }
}
