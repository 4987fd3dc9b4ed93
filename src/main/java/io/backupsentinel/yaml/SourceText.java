package io.backupsentinel.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns a file's bytes into text, refusing what is not UTF-8 YAML: more bytes than the limit (stopping as
 * soon as the limit is passed, so a 20 MB file costs 1 MB of reading), a UTF-16 or UTF-32 byte order mark, a
 * NUL byte, or bytes that are not UTF-8, each with the line and column where it happens.
 */
final class SourceText {
    private static final int CHUNK = 64 * 1024;

    private SourceText() {
    }

    /** The text of the stream, or empty with the reason reported. */
    static Optional<String> read(InputStream in, YamlLimits limits, Problems problems) throws IOException {
        byte[] bytes = readCapped(in, limits.maxBytes());
        if (bytes == null) {
            problems.whole(tooLarge(limits));
            return Optional.empty();
        }
        Optional<String> bom = foreignByteOrderMark(bytes);
        if (bom.isPresent()) {
            problems.add(new YamlError(problems.file(), 1, 1, "", "not UTF-8: the file starts with a " + bom.get()
                    + " byte order mark; save it as UTF-8"));
            return Optional.empty();
        }
        return decode(bytes, problems);
    }

    /** The text of a reader (already characters), or empty when it holds more characters than the limit. */
    static Optional<String> read(Reader in, YamlLimits limits, Problems problems) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[CHUNK];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.append(buffer, 0, n);
            if (out.length() > limits.maxBytes()) {
                problems.whole(tooLarge(limits));
                return Optional.empty();
            }
        }
        return Optional.of(out.toString());
    }

    private static String tooLarge(YamlLimits limits) {
        return "the file is larger than " + limits.sizeText() + ", the limit for this kind of file; it was not read";
    }

    /** All bytes, or null as soon as there are more than {@code max}. */
    private static byte[] readCapped(InputStream in, int max) throws IOException {
        byte[] out = new byte[Math.min(max + 1, CHUNK)];
        int size = 0;
        while (true) {
            if (size == out.length) {
                if (size > max) {
                    return null;
                }
                out = Arrays.copyOf(out, Math.min(max + 1, out.length * 2));
            }
            int n = in.read(out, size, out.length - size);
            if (n == -1) {
                return size > max ? null : Arrays.copyOf(out, size);
            }
            size += n;
        }
    }

    private static Optional<String> foreignByteOrderMark(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return Optional.of("UTF-32");
        }
        if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) {
            return Optional.of("UTF-16");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> decode(byte[] bytes, Problems problems) {
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0; // a UTF-8 byte order mark is allowed, and dropped
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            badByte(out, bytes[in.position()], problems);
            return Optional.empty();
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            badByte(CharBuffer.wrap(text, 0, nul).position(nul), (byte) 0, problems);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** Reports the byte that stops decoding, at the line and column of the text decoded before it. */
    private static void badByte(CharBuffer decoded, byte bad, Problems problems) {
        decoded.flip();
        int line = 1;
        int column = 1;
        while (decoded.hasRemaining()) {
            char c = decoded.get();
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        String hint = bad == 0 ? " — is it UTF-16?" : "";
        problems.add(new YamlError(problems.file(), line, column, "", String.format(
                "not UTF-8 (byte 0x%02X)%s; save the file as UTF-8", bad & 0xFF, hint)));
    }
}
