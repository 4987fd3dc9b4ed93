package io.backupsentinel.store;

import java.io.IOException;
import java.nio.file.Path;

/** A second process that opens the history in {@code args[0]}, says "open", and holds it until its input closes. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (HistoryStore store = HistoryStore.open(StoreSettings.sqlite(Path.of(args[0])))) {
            System.out.println("open " + store.describe());
            System.out.flush();
            while (System.in.read() != -1) {
                // Hold the lock until the test closes our input.
            }
        }
    }
}
