package org.globustimer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainingTest {

  @Test
  void everyTrainingCommandSucceedsAgainstTheCannedService() throws Exception {
    assertThat(Training.run()).isEmpty();
  }
}
