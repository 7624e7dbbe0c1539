package org.globustimer.transfer.endpoint;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import org.globustimer.transfer.TransferException;

/** Names an I/O failure the way a transfer task reports it. */
public final class IoErrors {

  private IoErrors() {}

  public static TransferException map(IOException e, String path) {
    if (e instanceof NoSuchFileException) {
      return notFound(path);
    }
    if (e instanceof AccessDeniedException) {
      return permissionDenied(path);
    }
    if (e instanceof NotDirectoryException) {
      return new TransferException("NOT_A_DIRECTORY", 400, "not a directory: " + path, e);
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("file name too long")) {
      return new TransferException(
          "NAME_TOO_LONG",
          400,
          "a name in "
              + path
              + " is longer than the file system allows (255 bytes a name, 4,096 a path);"
              + " use a shorter one",
          e);
    }
    if (message.contains("no space left") || message.contains("quota")) {
      return new TransferException(
          "QUOTA_EXCEEDED", 507, "no space left or quota exceeded writing " + path, e);
    }
    String reason =
        e instanceof FileSystemException fse && fse.getReason() != null
            ? fse.getReason()
            : e.getMessage();
    return new TransferException("IO_ERROR", 500, "I/O error on " + path + ": " + reason, e);
  }

  public static TransferException notFound(String path) {
    return new TransferException("FILE_NOT_FOUND", 404, "no such file or directory: " + path);
  }

  public static TransferException permissionDenied(String path) {
    return new TransferException("PERMISSION_DENIED", 403, "permission denied: " + path);
  }

  public static TransferException outside(String path) {
    return new TransferException(
        "PATH_OUTSIDE_ENDPOINT",
        400,
        "path resolves outside the endpoint's allowed roots: " + path);
  }
}
