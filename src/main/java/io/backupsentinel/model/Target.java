package io.backupsentinel.model;

/** One account in one region: the unit of collection. */
public record Target(String account, String region) {
    @Override
    public String toString() {
        return account + "/" + region;
    }
}
