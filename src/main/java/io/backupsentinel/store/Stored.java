package io.backupsentinel.store;

/** A record read back from the history with its place in the chain, so a report can cite it as evidence. */
public record Stored<T>(long seq, String hash, T record) {
}
