package io.backupsentinel.report.period;

/**
 * A history record a report cites as evidence: its sequence number and hash in the chain, checkable with
 * {@code verify --history}. For a finding the history restates from a pruning checkpoint, the checkpoint.
 */
public record Citation(long seq, String hash) {
}
