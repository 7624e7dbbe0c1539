package org.globustimer.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {

  @Test
  void readsReleaseAndSnapshotVersions() {
    assertThat(Version.parse("1.4.2")).isEqualTo(new Version("1.4.2", 1, 4, 2));
    assertThat(Version.parse("0.1.0-SNAPSHOT")).isEqualTo(new Version("0.1.0-SNAPSHOT", 0, 1, 0));
    assertThat(Version.parse("2.3")).isEqualTo(new Version("2.3", 2, 3, 0));
  }

  @Test
  void textThatIsNoVersionIsUnknown() {
    assertThat(Version.parse("${project.version}").known()).isFalse();
    assertThat(Version.parse("").toString()).isEqualTo("unknown");
  }

  @Test
  void neighbouringReleasesAreNotFarApart() {
    assertThat(Version.parse("1.4.0").farFrom(Version.parse("1.5.3"))).isFalse();
    assertThat(Version.parse("1.4.0").farFrom(Version.parse("1.3.9"))).isFalse();
    assertThat(Version.parse("0.1.0-SNAPSHOT").farFrom(Version.parse("0.1.0"))).isFalse();
  }

  @Test
  void anotherMajorOrTwoMinorsApartIsFar() {
    assertThat(Version.parse("1.4.0").farFrom(Version.parse("2.0.0"))).isTrue();
    assertThat(Version.parse("1.4.0").farFrom(Version.parse("1.6.0"))).isTrue();
    assertThat(Version.parse("1.6.0").farFrom(Version.parse("1.4.1"))).isTrue();
  }

  @Test
  void unknownVersionsAreNeverFarFromAnything() {
    assertThat(Version.parse("dev").farFrom(Version.parse("9.0.0"))).isFalse();
  }

  @Test
  void ordersByMajorMinorPatch() {
    assertThat(Version.parse("1.10.0").newerThan(Version.parse("1.9.9"))).isTrue();
    assertThat(Version.parse("1.2.3").newerThan(Version.parse("1.2.3"))).isFalse();
    assertThat(Version.parse("2.0.0").newerThan(Version.parse("1.99.0"))).isTrue();
  }

  @Test
  void theBuildRecordsItsVersionCommitAndDate() {
    BuildInfo build = BuildInfo.current();
    assertThat(build.version().known()).as(build.describe()).isTrue();
    assertThat(build.commit()).matches("[0-9a-f]{12}");
    assertThat(build.builtAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  }
}
