package org.globustimer.transfer.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.globustimer.transfer.endpoint.Storage;
import org.junit.jupiter.api.Test;

class DurableBatchTest {

  private final List<String> calls = new ArrayList<>();
  private boolean fileSystemFlushWorks = true;
  private final Progress progress = new Progress(Clock.systemUTC());

  @Test
  void withAFileSystemFlushFilesAreFlushedOnceBeforeTheRenamesAndTheNamesOnceAfter() {
    DurableBatch batch = new DurableBatch(storage(true), recordingLedger(), progress);
    assertThat(batch.flushesWrittenFiles()).isTrue();

    commit(batch, "d/a", "d/b");

    assertThat(calls)
        .containsExactly(
            "syncFileSystem d/.a.0000abcd.part",
            "placing d/a d/b",
            "rename d/.a.0000abcd.part d/a",
            "rename d/.b.0000abcd.part d/b",
            "syncFileSystem d");
    assertThat(progress.filesTransferred.get()).isEqualTo(2);
  }

  @Test
  void withoutOneEachWrittenFileIsFlushedByItsWriterAndEachDirectoryOnce() {
    DurableBatch batch = new DurableBatch(storage(false), recordingLedger(), progress);
    assertThat(batch.flushesWrittenFiles()).isFalse();

    commit(batch, "d/a", "e/b");

    assertThat(calls)
        .containsExactly(
            "placing d/a e/b",
            "rename d/.a.0000abcd.part d/a",
            "rename e/.b.0000abcd.part e/b",
            "syncDirectory d",
            "syncDirectory e");
  }

  @Test
  void whenTheFileSystemFlushFailsEachFileAndDirectoryIsFlushedOnItsOwn() {
    fileSystemFlushWorks = false;
    DurableBatch batch = new DurableBatch(storage(true), recordingLedger(), progress);

    commit(batch, "d/a", "e/b");

    assertThat(calls)
        .containsExactly(
            "syncFileSystem d/.a.0000abcd.part",
            "syncFile d/.a.0000abcd.part",
            "syncFile e/.b.0000abcd.part",
            "placing d/a e/b",
            "rename d/.a.0000abcd.part d/a",
            "rename e/.b.0000abcd.part e/b",
            "syncFileSystem d",
            "syncDirectory d",
            "syncDirectory e");
    assertThat(progress.filesTransferred.get()).isEqualTo(2);
  }

  private static void commit(DurableBatch batch, String... dstRels) {
    for (String dstRel : dstRels) {
      batch.add(written(dstRel));
    }
    batch.flush();
  }

  private static DurableBatch.Written written(String dstRel) {
    return new DurableBatch.Written(
        AtomicWrite.temporaryFor(dstRel, "0000abcd"), dstRel, 10, Instant.EPOCH);
  }

  private Storage storage(boolean syncsFileSystem) {
    return (Storage)
        Proxy.newProxyInstance(
            Storage.class.getClassLoader(),
            new Class<?>[] {Storage.class},
            (proxy, method, args) -> {
              if (method.getName().equals("syncsFileSystem")) {
                return syncsFileSystem;
              }
              calls.add(method.getName() + " " + String.join(" ", toStrings(args)));
              return method.getName().equals("syncFileSystem") ? fileSystemFlushWorks : null;
            });
  }

  private static String[] toStrings(Object[] args) {
    String[] out = new String[args == null ? 0 : args.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = String.valueOf(args[i]);
    }
    return out;
  }

  private Ledger recordingLedger() {
    return new Ledger() {
      @Override
      public Done find(String destinationRel) {
        return null;
      }

      @Override
      public void done(String destinationRel, long size, Instant mtime) {}

      @Override
      public void placing(List<File> files) {
        calls.add("placing " + String.join(" ", files.stream().map(File::destinationRel).toList()));
      }
    };
  }
}
