package io.backupsentinel.report;

import io.backupsentinel.report.period.Citation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An output stream that seals a report while it is written, so a large report streams to a file or an HTTP
 * response without being held in memory: it digests every byte, and the bytes between {@link #beginPart} and
 * {@link #endPart} as one named part, with a short digest of each line of a part so that {@code verify} can
 * name the line that was altered. {@link #seal} writes the trailer ({@link SealKind}) and flushes.
 */
public final class SealedOutput extends OutputStream {
    private final OutputStream out;
    private final MessageDigest all = Digests.sha256();
    private final List<SealPart> parts = new ArrayList<>();
    private long offset;
    private String partName;
    private long partStart;
    private MessageDigest partDigest;
    private MessageDigest lineDigest;
    private StringBuilder lineTags;
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
        partName = name;
        partStart = offset;
        partDigest = Digests.sha256();
        lineDigest = Digests.sha256();
        lineTags = new StringBuilder();
    }

    /** Ends the current part; a last line without a line break counts as a line. */
    public void endPart() {
        if (partName == null) {
            throw new IllegalStateException("no part is open");
        }
        if (offset > partStart && lastByte != '\n') {
            lineTags.append(Digests.tag(lineDigest));
        }
        parts.add(new SealPart(partName, partStart, offset - partStart, Digests.hex(partDigest.digest()),
                lineTags.toString()));
        partName = null;
    }

    private int lastByte = -1;

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        all.update((byte) b);
        track((byte) b);
        offset++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        all.update(b, off, len);
        if (partName != null) {
            partDigest.update(b, off, len);
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lineDigest.update(b, start, i + 1 - start);
                    lineTags.append(Digests.tag(lineDigest));
                    start = i + 1;
                }
            }
            lineDigest.update(b, start, off + len - start);
        }
        if (len > 0) {
            lastByte = b[off + len - 1];
        }
        offset += len;
    }

    private void track(byte b) {
        if (partName != null) {
            partDigest.update(b);
            lineDigest.update(b);
            if (b == '\n') {
                lineTags.append(Digests.tag(lineDigest));
            }
        }
        lastByte = b;
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
        String sha = Digests.hex(all.digest());
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
