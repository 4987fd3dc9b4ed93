package io.backupsentinel.sandbox.scenario;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Identifiers for everything a scenario creates (plan ids, job ids, ARN suffixes) from a seeded sequence: the
 * same file always yields the same ids, so tests and benchmark runs can compare outputs.
 */
final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final SplittableRandom random;

    Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A lower-case UUID in AWS's form, e.g. for plan, selection and job ids. */
    String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                       // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    String hex(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = HEX[random.nextInt(16)];
        }
        return new String(out);
    }

    /** DynamoDB's backup and export ARN suffix: creation time in epoch millis (13 digits), a dash, 8 hex. */
    String timedSuffix(Instant created) {
        return String.format("%013d-%s", Math.max(0, created.toEpochMilli()), hex(8));
    }

    /** Backup plan version ids: opaque base64-like text. */
    String versionId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        char[] out = new char[32];
        for (int i = 0; i < out.length; i++) {
            out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(out);
    }

    SplittableRandom random() {
        return random;
    }
}
