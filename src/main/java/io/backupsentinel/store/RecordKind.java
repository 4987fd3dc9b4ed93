package io.backupsentinel.store;

import java.util.Locale;

/** The kinds of record in the history's one hash chain, by the name written into each record's hash. */
public enum RecordKind {
    TRANSITION, POSTURE, RUN, OUTBOX, CHECKPOINT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RecordKind of(String label) {
        for (RecordKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown record kind " + label);
    }
}
