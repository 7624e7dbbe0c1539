package org.globustimer.cli.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemsFileTest {

  @Test
  void readsLinesSkippingCommentsBlanksAndHeader() {
    List<TransferItem> items =
        ItemsFile.parse(
            "items.csv",
            List.of(
                "# nightly backup",
                "source_path,destination_path,recursive",
                "",
                "/data/a.txt,/backup/a.txt,false",
                "  /data/dir , /backup/dir , true  ",
                "~/notes.txt,~/notes-copy.txt",
                "\"/data/with,comma\",/backup/x,no"));
    assertThat(items)
        .containsExactly(
            new TransferItem("/data/a.txt", "/backup/a.txt", false),
            new TransferItem("/data/dir", "/backup/dir", true),
            new TransferItem("/~/notes.txt", "/~/notes-copy.txt", false),
            new TransferItem("/data/with,comma", "/backup/x", false));
  }

  @Test
  void badLinesNameTheFileAndLine() {
    assertThatThrownBy(() -> ItemsFile.parse("items.csv", List.of("# c", "/only-one-field")))
        .hasMessage("items.csv line 2: expected source_path,destination_path,recursive");
    assertThatThrownBy(() -> ItemsFile.parse("items.csv", List.of("/a,/b,perhaps")))
        .hasMessageStartingWith("items.csv line 1: 'perhaps' is not true or false");
    assertThatThrownBy(() -> ItemsFile.parse("items.csv", List.of("/a,/b,true,extra")))
        .hasMessageContaining("line 1");
  }

  @Test
  void itemTriplesComeInThrees() {
    assertThat(TransferItems.fromTriples(List.of("/a", "/b", "false", "/c/", "/d/", "true")))
        .containsExactly(new TransferItem("/a", "/b", false), new TransferItem("/c/", "/d/", true));
  }
}
