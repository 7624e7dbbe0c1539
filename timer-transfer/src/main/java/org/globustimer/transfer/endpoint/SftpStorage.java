package org.globustimer.transfer.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.CopyMode;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHFsyncExtension;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.globustimer.transfer.TransferException;

/** A remote tree below {@code base}, reached over one SFTP session. */
final class SftpStorage implements Storage {

  private static final int BUFFER = 64 * 1024;

  private final ClientSession session;
  private final SftpClient sftp;
  private final String base;
  private volatile String realBase;

  SftpStorage(ClientSession session, SftpClient sftp, String base) {
    this.session = session;
    this.sftp = sftp;
    String b = base == null || base.isBlank() ? "/" : base.trim();
    this.base = b.length() > 1 && b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  private String path(String rel) {
    if (rel.isEmpty()) {
      return base;
    }
    return base.equals("/") ? "/" + rel : base + "/" + rel;
  }

  @Override
  public String homeRel() {
    return "";
  }

  @Override
  public void ensureInside(String rel) {
    String existing = rel;
    while (stat(existing, true) == null && !existing.isEmpty()) {
      existing = UserPaths.parent(existing);
    }
    String real = realPath(existing);
    String root = realBase();
    if (!(real.equals(root) || real.startsWith(root.endsWith("/") ? root : root + "/"))) {
      throw IoErrors.outside("/" + rel);
    }
  }

  private String realBase() {
    if (realBase == null) {
      realBase = realPath("");
    }
    return realBase;
  }

  @Override
  public Entry stat(String rel, boolean follow) {
    try {
      Attributes a = follow ? sftp.stat(path(rel)) : sftp.lstat(path(rel));
      return entry(UserPaths.name(rel), a);
    } catch (SftpException e) {
      if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
        return null;
      }
      throw map(e, rel);
    } catch (IOException e) {
      throw map(e, rel);
    }
  }

  private static Entry entry(String name, Attributes a) {
    Entry.Type type =
        a.isSymbolicLink() ? Entry.Type.LINK : a.isDirectory() ? Entry.Type.DIR : Entry.Type.FILE;
    FileTime mtime = a.getModifyTime();
    return new Entry(
        name,
        type,
        a.getSize(),
        mtime == null ? Instant.EPOCH : mtime.toInstant(),
        a.getPermissions() & 07777);
  }

  @Override
  public List<Entry> list(String rel) {
    List<Entry> out = new ArrayList<>();
    try {
      for (SftpClient.DirEntry d : sftp.readDir(path(rel))) {
        String name = d.getFilename();
        if (!name.equals(".") && !name.equals("..")) {
          out.add(entry(name, d.getAttributes()));
        }
      }
    } catch (IOException e) {
      throw map(e, rel);
    }
    out.sort(Comparator.comparing(Entry::name));
    return out;
  }

  @Override
  public InputStream openRead(String rel) {
    try {
      return sftp.read(path(rel), BUFFER);
    } catch (IOException e) {
      throw map(e, rel);
    }
  }

  @Override
  public OutputStream openWrite(String rel) {
    try {
      OutputStream raw = sftp.write(path(rel), BUFFER);
      return new java.io.FilterOutputStream(raw) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          super.close();
          fsync(rel);
        }
      };
    } catch (IOException e) {
      throw map(e, rel);
    }
  }

  private void fsync(String rel) throws IOException {
    OpenSSHFsyncExtension ext = sftp.getExtension(OpenSSHFsyncExtension.class);
    if (ext != null && ext.isSupported()) {
      try (SftpClient.CloseableHandle h = sftp.open(path(rel), OpenMode.Write)) {
        ext.fsync(h);
      }
    }
  }

  @Override
  public void rename(String from, String to) {
    try {
      OpenSSHPosixRenameExtension ext = sftp.getExtension(OpenSSHPosixRenameExtension.class);
      if (ext != null && ext.isSupported()) {
        ext.posixRename(path(from), path(to));
      } else {
        sftp.rename(path(from), path(to), CopyMode.Overwrite, CopyMode.Atomic);
      }
    } catch (IOException e) {
      throw map(e, to);
    }
  }

  @Override
  public void setModified(String rel, Instant time) {
    try {
      FileTime t = FileTime.from(time);
      sftp.setStat(path(rel), new Attributes().accessTime(t).modifyTime(t));
    } catch (IOException e) {
      throw map(e, rel);
    }
  }

  @Override
  public void mkdirs(String rel) {
    String done = "";
    for (String segment : rel.isEmpty() ? new String[0] : rel.split("/")) {
      done = UserPaths.join(done, segment);
      Entry e = stat(done, true);
      if (e == null) {
        try {
          sftp.mkdir(path(done));
        } catch (IOException ex) {
          throw map(ex, done);
        }
      } else if (!e.isDir()) {
        throw new TransferException("NOT_A_DIRECTORY", 400, "not a directory: /" + done);
      }
    }
  }

  @Override
  public void delete(String rel) {
    Entry e = stat(rel, false);
    if (e == null) {
      return;
    }
    try {
      if (e.isDir()) {
        for (Entry child : list(rel)) {
          delete(UserPaths.join(rel, child.name()));
        }
        sftp.rmdir(path(rel));
      } else {
        sftp.remove(path(rel));
      }
    } catch (IOException ex) {
      throw map(ex, rel);
    }
  }

  @Override
  public void symlink(String rel, String target) {
    try {
      if (stat(rel, false) != null) {
        sftp.remove(path(rel));
      }
      sftp.symLink(path(rel), target);
    } catch (IOException e) {
      throw map(e, rel);
    }
  }

  @Override
  public String readLink(String rel) {
    try {
      return sftp.readLink(path(rel));
    } catch (IOException e) {
      throw map(e, rel);
    }
  }

  @Override
  public String realPath(String rel) {
    try {
      return sftp.canonicalPath(path(rel));
    } catch (IOException e) {
      throw map(e, rel);
    }
  }

  private static TransferException map(IOException e, String rel) {
    String shown = "/" + rel;
    if (e instanceof SftpException s) {
      return switch (s.getStatus()) {
        case SftpConstants.SSH_FX_NO_SUCH_FILE -> IoErrors.notFound(shown);
        case SftpConstants.SSH_FX_PERMISSION_DENIED -> IoErrors.permissionDenied(shown);
        case SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM, SftpConstants.SSH_FX_QUOTA_EXCEEDED ->
            new TransferException("QUOTA_EXCEEDED", 507, "no space left writing " + shown, e);
        default ->
            new TransferException(
                "IO_ERROR", 500, "sftp error on " + shown + ": " + s.getMessage());
      };
    }
    return new TransferException(
        "ENDPOINT_ERROR", 502, "sftp connection failed on " + shown + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    try {
      sftp.close();
    } catch (IOException ignored) {
      // the session close below releases everything anyway
    }
    session.close(true);
  }
}
