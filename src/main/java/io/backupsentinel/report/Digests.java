package io.backupsentinel.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers for seals: full digests in lower-case hex, and 8-hex-digit line tags (a digest's first 4 bytes). */
final class Digests {
    static final int TAG_LENGTH = 8;

    private Digests() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    static String sha256(byte[] bytes, int from, int to) {
        MessageDigest d = sha256();
        d.update(bytes, from, to - from);
        return hex(d.digest());
    }

    /** The tag of the bytes digested so far, and a reset digest for the next line. */
    static String tag(MessageDigest line) {
        return HexFormat.of().formatHex(line.digest(), 0, TAG_LENGTH / 2);
    }
}
