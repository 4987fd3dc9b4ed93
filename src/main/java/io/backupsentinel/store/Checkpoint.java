package io.backupsentinel.store;

import java.time.Instant;

/**
 * The record that pruning leaves in the chain: the records up to {@code prunedSeq} were removed, the last of
 * them had hash {@code prunedHash} (so the first kept record still links to something known). The open
 * findings as they stood after the pruned records are re-stated outside the chain (only the latest
 * checkpoint's set is kept, so a year of daily pruning does not store a year of copies); this record
 * carries their count and {@code openDigest}, the SHA-256 of their canonical form
 * ({@link OpenSet#digest}), so {@link ChainVerifier} can tell if that set was altered.
 *
 * @param at     when pruning ran
 * @param before the retention cut: every pruned record was older than this
 */
public record Checkpoint(Instant at, Instant before, long prunedSeq, String prunedHash, int openCount,
                         String openDigest) {
}
