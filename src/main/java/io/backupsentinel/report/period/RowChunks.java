package io.backupsentinel.report.period;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A section's rows turned into bytes a chunk at a time on two threads, and written in order: each row's bytes
 * depend on that row alone, so the output is the same as one thread's, and formatting a report of a few hundred
 * thousand rows no longer leaves the second core idle. At most {@link #AHEAD} chunks wait to be written.
 */
final class RowChunks implements AutoCloseable {
    /**
     * Rows per chunk, and the bytes first set aside for them: a chunk of long rows is well under a megabyte, so
     * its buffer never counts as a humongous object for G1 (half a region of a 2 GB heap), which would be made in
     * the old generation and start a concurrent cycle.
     */
    static final int ROWS = 256;
    private static final int BUFFER = 256 * 1024;
    private static final int THREADS = 2;
    private static final int AHEAD = 8 * THREADS;

    /** Writes rows {@code [from, to)} of a section of {@code size} rows to {@code out}. */
    interface Format {
        void write(int from, int to, int size, OutputStream out) throws IOException;
    }

    /** Buffers written out, used again: a large section would otherwise make a few hundred. */
    private final Queue<ByteArrayOutputStream> spare = new ConcurrentLinkedQueue<>();
    private final ExecutorService formatters = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "report-format");
        t.setDaemon(true);
        return t;
    });

    /** Writes a section of {@code size} rows to {@code out} in order, formatted by {@code format}. */
    void write(int size, Format format, OutputStream out) throws IOException {
        if (size <= ROWS) {
            format.write(0, size, size, out);
            return;
        }
        Deque<Future<ByteArrayOutputStream>> pending = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < size || !pending.isEmpty()) {
                while (next < size && pending.size() < AHEAD) {
                    int from = next;
                    int to = Math.min(size, from + ROWS);
                    pending.add(formatters.submit(() -> {
                        ByteArrayOutputStream bytes = spare.poll();
                        bytes = bytes == null ? new ByteArrayOutputStream(BUFFER) : bytes;
                        format.write(from, to, size, bytes);
                        return bytes;
                    }));
                    next = to;
                }
                ByteArrayOutputStream written = await(pending.removeFirst());
                written.writeTo(out);
                written.reset();
                spare.add(written);
            }
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
    }

    private static ByteArrayOutputStream await(Future<ByteArrayOutputStream> chunk) throws IOException {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting the report", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("cannot format the report: " + cause, cause);
        }
    }

    @Override
    public void close() {
        formatters.shutdownNow();
    }
}
