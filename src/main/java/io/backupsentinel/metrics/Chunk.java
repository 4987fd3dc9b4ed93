package io.backupsentinel.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A piece of exposition text, kept both plain and as one gzip member. A gzip stream may be a sequence of
 * members (RFC 1952, section 2.2; Go's gzip reader, which Prometheus uses, reads them all), so a compressed
 * scrape is the concatenation of cached members and nothing large is compressed on the scrape path.
 */
record Chunk(byte[] plain, byte[] gzip) {
    static final Chunk EMPTY = new Chunk(new byte[0], new byte[0]);

    static Chunk of(byte[] plain) {
        if (plain.length == 0) {
            return EMPTY;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 8));
        try (GZIPOutputStream gz = new FastGzip(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory cannot fail", e);
        }
        return new Chunk(plain, out.toByteArray());
    }

    static Chunk of(String text) {
        return of(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    byte[] bytes(boolean gzipped) {
        return gzipped ? gzip : plain;
    }

    /** Fastest deflate level: the text is repetitive enough that level 1 already shrinks it about 15 times. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
