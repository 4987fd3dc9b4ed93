package io.backupsentinel.report;

import io.backupsentinel.report.period.Citation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An output stream that seals a report while it is written, so a large report streams to a file or an HTTP
 * response without being held in memory: it digests every byte, and the bytes between {@link #beginPart} and
 * {@link #endPart} as one named part, with a short digest of each line of a part so that {@code verify} can
 * name the line that was altered. {@link #seal} writes the trailer ({@link SealKind}) and flushes.
 */
public final class SealedOutput extends OutputStream {
    /** Bytes handed to the digesting thread at a time, and how many such chunks may wait for it. */
    private static final int CHUNK = 1 << 16;
    private static final int CHUNKS_AHEAD = 16;
    private final OutputStream out;
    private final Digester digester = new Digester();
    /** Chunks the digesting thread is done with, used again: a report of 100 MB would otherwise make 1,500. */
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private long offset;
    private String partName;
    private long partStart;
    private int lastByte = -1;
    private boolean sealed;

    public SealedOutput(OutputStream out) {
        // Rows arrive as many small writes; the target may be a socket or a file.
        this.out = new java.io.BufferedOutputStream(out, 1 << 16);
    }

    /** Starts a named part (a report section); parts do not nest. */
    public void beginPart(String name) {
        if (partName != null) {
            throw new IllegalStateException("part " + partName + " is still open");
        }
        handOff();
        partName = name;
        partStart = offset;
        digester.submit(Digester::beginPart);
    }

    /** Ends the current part; a last line without a line break counts as a line. */
    public void endPart() {
        if (partName == null) {
            throw new IllegalStateException("no part is open");
        }
        handOff();
        String name = partName;
        long start = partStart;
        long length = offset - partStart;
        boolean openLine = offset > partStart && lastByte != '\n';
        digester.submit(d -> d.endPart(name, start, length, openLine));
        partName = null;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        if (used == chunk.length) {
            handOff();
        }
        chunk[used++] = (byte) b;
        lastByte = b & 0xff;
        offset++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        int from = off;
        int left = len;
        while (left > 0) {
            if (used == chunk.length) {
                handOff();
            }
            int n = Math.min(left, chunk.length - used);
            System.arraycopy(b, from, chunk, used, n);
            used += n;
            from += n;
            left -= n;
        }
        if (len > 0) {
            lastByte = b[off + len - 1] & 0xff;
        }
        offset += len;
    }

    /** Gives the bytes collected so far to the digesting thread, in order. */
    private void handOff() {
        if (used == 0) {
            return;
        }
        byte[] full = chunk;
        int n = used;
        boolean inPart = partName != null;
        digester.submit(d -> {
            d.update(full, n, inPart);
            spare.offer(full);
        });
        byte[] next = spare.poll();
        chunk = next != null ? next : new byte[CHUNK];
        used = 0;
    }

    /**
     * The digests of the whole body, of each part and of each line of a part: SHA-256 over every byte three
     * times, computed on a thread of its own (a report is written by one thread, and a 2-core server has another)
     * from chunks handed over in order; at most {@link #CHUNKS_AHEAD} wait, so memory stays flat.
     */
    private static final class Digester {
        private final ThreadPoolExecutor thread = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "report-seal");
                    t.setDaemon(true);
                    return t;
                });
        private final Semaphore ahead = new Semaphore(CHUNKS_AHEAD);
        private final MessageDigest all = Digests.sha256();
        private final List<SealPart> parts = new ArrayList<>();
        private MessageDigest partDigest;
        private MessageDigest lineDigest;
        private StringBuilder lineTags;
        private Future<?> last;

        void submit(Consumer<Digester> step) {
            ahead.acquireUninterruptibly();
            last = thread.submit(() -> {
                try {
                    step.accept(this);
                } finally {
                    ahead.release();
                }
            });
        }

        void beginPart() {
            partDigest = Digests.sha256();
            lineDigest = Digests.sha256();
            lineTags = new StringBuilder();
        }

        void update(byte[] b, int len, boolean inPart) {
            all.update(b, 0, len);
            if (inPart) {
                partDigest.update(b, 0, len);
                int start = 0;
                for (int i = 0; i < len; i++) {
                    if (b[i] == '\n') {
                        lineDigest.update(b, start, i + 1 - start);
                        lineTags.append(Digests.tag(lineDigest));
                        start = i + 1;
                    }
                }
                lineDigest.update(b, start, len - start);
            }
        }

        void endPart(String name, long start, long length, boolean openLine) {
            if (openLine) {
                lineTags.append(Digests.tag(lineDigest));
            }
            parts.add(new SealPart(name, start, length, Digests.hex(partDigest.digest()), lineTags.toString()));
        }

        /** Waits for every chunk handed over; then the digests are final. */
        void finish() {
            try {
                if (last != null) {
                    last.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sealing the report", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot seal the report: " + e.getCause(), e.getCause());
            } finally {
                thread.shutdown();
            }
        }
    }

    /**
     * Writes the seal after the body written so far and flushes (the underlying stream stays open).
     *
     * @return the body's SHA-256 in hex: the report's digest
     */
    public String seal(SealKind kind, Citation head, Instant asOf) throws IOException {
        if (sealed) {
            throw new IllegalStateException("already sealed");
        }
        if (partName != null) {
            endPart();
        }
        if (lastByte != '\n') {
            // The marker starts on a line of its own; the break belongs to the sealed body.
            write('\n');
        }
        sealed = true;
        handOff();
        digester.finish();
        String sha = Digests.hex(digester.all.digest());
        List<SealPart> parts = digester.parts;
        String seal = Seal.text(new Seal(kind.label(), sha, offset, head, asOf, parts));
        String framed = kind == SealKind.CSV ? "\"" + seal.replace("\"", "\"\"") + "\"" : seal;
        byte[] marker = kind.marker();
        // The body already ends with the marker's line break; write the marker from after it.
        out.write(marker, 1, marker.length - 1);
        out.write((framed + kind.end()).getBytes(StandardCharsets.UTF_8));
        out.flush();
        return sha;
    }

    /** Bytes written so far, the seal excluded. */
    public long size() {
        return offset;
    }
}
