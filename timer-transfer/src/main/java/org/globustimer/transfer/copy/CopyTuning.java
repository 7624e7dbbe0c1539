package org.globustimer.transfer.copy;

import java.util.function.Consumer;

/**
 * Knobs of the copier. {@code afterChunk} runs after each chunk of a file is written and {@code
 * beforeVerify} receives a temporary file's relative path before its checksum is compared; both
 * exist so tests can slow a copy or damage one on purpose.
 */
public record CopyTuning(int chunkBytes, Runnable afterChunk, Consumer<String> beforeVerify) {

  public static final CopyTuning DEFAULT = new CopyTuning(8 << 20, () -> {}, rel -> {});
}
