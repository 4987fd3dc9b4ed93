package io.backupsentinel.check;

import io.backupsentinel.model.FactKind;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Helpers for {@link Check#lookbacks}: how far back a bound check needs each kind of fact. */
public final class Lookbacks {
    /**
     * Every backup AWS still keeps: longer than the longest retention AWS Backup allows (100 years, its
     * largest DeleteAfterDays and vault-lock MaxRetentionDays). Listing back this far costs what exists, since
     * AWS deletes expired backups; the collector never asks for anything before 1970.
     */
    public static final Duration ALL_RETAINED = Duration.ofDays(36_501);

    private Lookbacks() {
    }

    /** {@code needed} as an unmodifiable map; a kind outside what the check's spec says it reads is a bug. */
    static Map<FactKind, Duration> of(Set<FactKind> read, Map<FactKind, Duration> needed) {
        Map<FactKind, Duration> out = new EnumMap<>(FactKind.class);
        needed.forEach((kind, d) -> {
            if (!read.contains(kind)) {
                throw new IllegalStateException(kind + " is not among the facts the spec reads " + read);
            }
            out.put(kind, d);
        });
        return Collections.unmodifiableMap(out);
    }

    /** Raises each kind's lookback in {@code into} to the one in {@code add} where that is longer. */
    public static void mergeInto(Map<FactKind, Duration> into, Map<FactKind, Duration> add) {
        add.forEach((kind, d) -> into.merge(kind, d, (x, y) -> x.compareTo(y) >= 0 ? x : y));
    }
}
