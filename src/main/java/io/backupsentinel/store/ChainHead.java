package io.backupsentinel.store;

/** The last record of the chain: its sequence number and hash ({@code 0} and 64 zeros when it is empty). */
public record ChainHead(long seq, String hash) {
    @Override
    public String toString() {
        return seq + " " + hash;
    }
}
