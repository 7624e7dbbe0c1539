package org.globustimer.transfer.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A local directory tree, reachable only below its allowed roots. */
final class PosixStorage implements Storage {

  private final Path base;
  private final String homeRel;
  private final List<Path> roots;
  // a local listing costs a stat per entry: taken on other cores while the walk settles files;
  // a local directory is listed whole, however large, so few are held
  private final ListingsAhead<List<Entry>> ahead =
      new ListingsAhead<>(this::listNow, rel -> false, 2, 4, "list-ahead-");

  PosixStorage(Path base, Path home, List<Path> roots) {
    this.base = base.toAbsolutePath().normalize();
    this.homeRel = this.base.relativize(home.toAbsolutePath().normalize()).toString();
    this.roots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
  }

  Path path(String rel) {
    return rel.isEmpty() ? base : base.resolve(rel);
  }

  @Override
  public String homeRel() {
    return homeRel;
  }

  @Override
  public void ensureInside(String rel) {
    Path p = path(rel);
    if (roots.stream().noneMatch(p::startsWith)) {
      throw IoErrors.outside("/" + rel);
    }
    Path existing = p;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    try {
      Path real = existing.toRealPath();
      if (roots.stream().map(PosixStorage::real).noneMatch(real::startsWith)) {
        throw IoErrors.outside("/" + rel);
      }
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
  }

  private static Path real(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return root;
    }
  }

  @Override
  public Entry stat(String rel, boolean follow) {
    return entry(path(rel), follow);
  }

  private Entry entry(Path p, boolean follow) {
    try {
      return PosixListed.stat(p, follow);
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + base.relativize(p));
    }
  }

  /** A child's stat failing is reported against the child, not the directory being listed. */
  private Entry listed(Path child) {
    try {
      return PosixListed.entry(child);
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + base.relativize(child));
    }
  }

  @Override
  public List<Entry> list(String rel) {
    List<Entry> listed = ahead.take(rel);
    return listed != null ? listed : listNow(rel);
  }

  @Override
  public void willList(List<String> rels) {
    ahead.ahead(rels);
  }

  @Override
  public boolean listedTimesExact() {
    return true;
  }

  private List<Entry> listNow(String rel) {
    List<Entry> out = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(path(rel))) {
      for (Path child : children) {
        Entry e = listed(child);
        if (e != null) {
          out.add(e);
        }
      }
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
    out.sort(Comparator.comparing(Entry::name));
    return out;
  }

  @Override
  public InputStream openRead(String rel) {
    try {
      return Files.newInputStream(path(rel));
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
  }

  @Override
  public OutputStream openWrite(String rel) {
    try {
      FileChannel channel =
          FileChannel.open(
              path(rel),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
      return new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          try {
            channel.force(true);
          } finally {
            super.close();
          }
        }
      };
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
  }

  @Override
  public void rename(String from, String to) {
    try {
      Files.move(path(from), path(to), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + to);
    }
  }

  @Override
  public void setModified(String rel, Instant time) {
    try {
      Files.setLastModifiedTime(path(rel), FileTime.from(time));
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
  }

  @Override
  public void syncDirectory(String rel) {
    flush(rel);
  }

  @Override
  public boolean syncsFileSystem() {
    return FileSystemSync.available();
  }

  @Override
  public boolean syncFileSystem(String rel) {
    return FileSystemSync.sync(path(rel));
  }

  @Override
  public void syncFile(String rel) {
    flush(rel);
  }

  /** fsync of a file or directory, opened for reading only. */
  private void flush(String rel) {
    try (FileChannel f = FileChannel.open(path(rel), StandardOpenOption.READ)) {
      f.force(true);
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
  }

  @Override
  public void mkdirs(String rel) {
    try {
      Files.createDirectories(path(rel));
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
  }

  @Override
  public void delete(String rel) {
    try {
      TreeDelete.delete(path(rel));
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
  }

  @Override
  public void symlink(String rel, String target) {
    try {
      Files.deleteIfExists(path(rel));
      Files.createSymbolicLink(path(rel), Path.of(target));
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
  }

  @Override
  public String readLink(String rel) {
    try {
      return Files.readSymbolicLink(path(rel)).toString();
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
  }

  @Override
  public String realPath(String rel) {
    try {
      return path(rel).toRealPath().toString();
    } catch (IOException e) {
      throw IoErrors.map(e, "/" + rel);
    }
  }

  @Override
  public Optional<Path> localPath(String rel) {
    return Optional.of(path(rel));
  }

  @Override
  public void close() {
    ahead.close();
  }
}
