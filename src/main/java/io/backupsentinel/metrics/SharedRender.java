package io.backupsentinel.metrics;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;

/**
 * A rendering shared by concurrent scrapes. While its inputs are unchanged ({@code version}) and it is at
 * most {@code refreshAfterMillis} old it is served as is; up to {@code maxStaleMillis} old it is still
 * served while one background thread renders the next, so no scrape waits for a periodic re-render; older
 * than that, or after a change of inputs, the scrape renders it itself. Thread-safe.
 */
final class SharedRender<T> implements AutoCloseable {
    private record Cached<T>(long version, long atMillis, T value) {
    }

    private final LongFunction<T> render;
    private final long refreshAfterMillis;
    private final long maxStaleMillis;
    private final ExecutorService background;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Cached<T> cached;

    /** {@code render} makes the value as of a time in milliseconds. */
    SharedRender(String name, LongFunction<T> render, long refreshAfterMillis, long maxStaleMillis) {
        this.render = render;
        this.refreshAfterMillis = refreshAfterMillis;
        this.maxStaleMillis = maxStaleMillis;
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    T get(long version, long nowMillis) {
        Cached<T> c = cached;
        if (c != null && c.version() == version) {
            long age = nowMillis - c.atMillis();
            if (age >= 0 && age < refreshAfterMillis) {
                return c.value();
            }
            if (age >= 0 && age <= maxStaleMillis) {
                if (refreshing.compareAndSet(false, true)) {
                    background.execute(() -> {
                        try {
                            store(version, nowMillis);
                        } finally {
                            refreshing.set(false);
                        }
                    });
                }
                return c.value();
            }
        }
        return store(version, nowMillis);
    }

    private synchronized T store(long version, long nowMillis) {
        Cached<T> c = cached;
        // Another thread may have rendered the same inputs for a time at least as late meanwhile.
        if (c != null && c.version() == version && c.atMillis() >= nowMillis) {
            return c.value();
        }
        Cached<T> fresh = new Cached<>(version, nowMillis, render.apply(nowMillis));
        // Versions only grow: a late background rendering of older inputs never replaces a newer one.
        if (c == null || version > c.version() || version == c.version() && c.atMillis() <= nowMillis) {
            cached = fresh;
        }
        return fresh.value();
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
