package org.globustimer.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;

/** Reads the key that seals stored credentials, from the file {@code secret_key_file} names. */
final class SecretKeyFile {

  private static final String HOW_TO_MAKE =
      "make one with: head -c 32 /dev/urandom | base64 > FILE && chmod 600 FILE"
          + " (every node of a cluster needs the same file)";

  private SecretKeyFile() {}

  static byte[] read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SettingsException(
          "secret_key_file "
              + file
              + " does not exist; "
              + HOW_TO_MAKE.replace("FILE", file.toString()));
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ)) {
        throw new SettingsException(
            "secret_key_file " + file + " is readable by others; run: chmod 600 " + file);
      }
    } catch (UnsupportedOperationException notPosix) {
      // Permissions are the file system's business where it has no POSIX modes.
    } catch (IOException e) {
      throw new SettingsException("cannot read secret_key_file " + file + ": " + e.getMessage());
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new SettingsException("cannot read secret_key_file " + file + ": " + e.getMessage());
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(
          "secret_key_file "
              + file
              + " must hold base64 text; "
              + HOW_TO_MAKE.replace("FILE", file.toString()));
    }
    if (key.length < 16) {
      throw new SettingsException(
          "secret_key_file "
              + file
              + " holds "
              + key.length
              + " bytes; at least 16 are needed; "
              + HOW_TO_MAKE.replace("FILE", file.toString()));
    }
    return key;
  }
}
