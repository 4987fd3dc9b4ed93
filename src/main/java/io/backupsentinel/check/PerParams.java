package io.backupsentinel.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A text that depends only on a check's bound parameters, such as a finding's {@code expected}: built once
 * per parameter set instead of once per table, so the findings of one rule share one string. Bounded, since a
 * daemon that reloads rules keeps the same check instances.
 */
final class PerParams<P> {
    private static final int MAX_ENTRIES = 1024;

    private final Map<P, String> texts = new ConcurrentHashMap<>();
    private final Function<P, String> build;

    PerParams(Function<P, String> build) {
        this.build = build;
    }

    String of(P params) {
        String text = texts.get(params);
        if (text == null) {
            if (texts.size() >= MAX_ENTRIES) {
                texts.clear();
            }
            text = build.apply(params);
            texts.put(params, text);
        }
        return text;
    }
}
