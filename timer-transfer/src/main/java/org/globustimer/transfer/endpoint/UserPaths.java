package org.globustimer.transfer.endpoint;

import java.util.ArrayList;
import java.util.List;
import org.globustimer.transfer.TransferException;

/**
 * Turns a path as users write it ({@code /~/a/b}, {@code /abs/path}, {@code ~/a}) into a storage
 * relative path, refusing '..' outright: no path may climb out of its endpoint.
 */
public final class UserPaths {

  private UserPaths() {}

  public static String toRel(String userPath, String homeRel) {
    if (userPath == null || userPath.isBlank()) {
      throw TransferException.badRequest("path must not be empty");
    }
    if (userPath.indexOf('\0') >= 0) {
      throw TransferException.badRequest("path must not contain NUL characters");
    }
    String p = userPath.trim();
    String prefix;
    if (p.equals("~") || p.equals("/~") || p.startsWith("~/") || p.startsWith("/~/")) {
      prefix = homeRel;
      p = p.substring(p.indexOf('~') + 1);
    } else if (p.startsWith("/")) {
      prefix = "";
    } else {
      prefix = homeRel;
    }
    List<String> segments = new ArrayList<>();
    if (!prefix.isEmpty()) {
      segments.addAll(List.of(prefix.split("/")));
    }
    for (String segment : p.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        throw new TransferException(
            "PATH_OUTSIDE_ENDPOINT", 400, "'..' is not allowed in paths: " + userPath);
      }
      segments.add(segment);
    }
    return String.join("/", segments);
  }

  public static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  public static String parent(String rel) {
    int slash = rel.lastIndexOf('/');
    return slash < 0 ? "" : rel.substring(0, slash);
  }

  public static String name(String rel) {
    return rel.substring(rel.lastIndexOf('/') + 1);
  }
}
