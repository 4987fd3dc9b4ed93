package io.backupsentinel.sandbox.sts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Identifiers shaped as AWS's: ASIA… access keys, 40-character secrets, AROA…/AIDA… unique ids. */
final class Credentials {
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Credentials() {
    }

    static String accessKeyId() {
        return "ASIA" + randomId(16);
    }

    static String secret() {
        byte[] b = new byte[30];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    static String sessionToken() {
        byte[] b = new byte[96];
        RANDOM.nextBytes(b);
        return "FwoGZXIvYXdzE" + Base64.getEncoder().encodeToString(b);
    }

    /** A stable unique id (prefix + 17 characters) derived from a name, e.g. AROA… for a role ARN. */
    static String stableId(String prefix, String name) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(prefix);
            for (int i = 0; i < 17; i++) {
                sb.append(ID_CHARS.charAt((h[i] & 0xff) % ID_CHARS.length()));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomId(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(ID_CHARS.charAt(RANDOM.nextInt(ID_CHARS.length())));
        }
        return sb.toString();
    }
}
