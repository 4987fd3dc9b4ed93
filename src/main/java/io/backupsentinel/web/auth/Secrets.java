package io.backupsentinel.web.auth;

import org.springframework.security.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Hashing and comparing secrets: BCrypt (Spring Security's {@link BCrypt}, used directly so that no Spring core
 * is needed) for passwords, SHA-256 for random API tokens (they carry 256 bits, so a slow hash adds nothing), and
 * random values for session ids and CSRF tokens. Comparisons take the same time whatever the input.
 */
public final class Secrets {
    /** BCrypt's modular crypt format, cost 4 to 31. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /** The cost of hashes made here: about 50-100 ms per check on a server core. */
    public static final int DEFAULT_COST = 11;
    /** BCrypt reads only the first 72 bytes; longer passwords would silently match on a prefix. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a name is 1 to 64 letters, digits or . _ @ -, not "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        return name;
    }

    /** True for a BCrypt hash such as {@code $2b$11$…} (60 characters). */
    public static boolean isBcrypt(String hash) {
        return hash != null && BCRYPT.matcher(hash).matches();
    }

    static void checkBcrypt(String hash) {
        if (!isBcrypt(hash)) {
            throw new IllegalArgumentException("is not a BCrypt hash ($2a$, $2b$ or $2y$, cost, then 53 characters);"
                    + " make one with: backup-sentinel hash-password");
        }
    }

    static void checkTokenHash(String hash) {
        if (!isBcrypt(hash) && (hash == null || !SHA256.matcher(hash).matches())) {
            throw new IllegalArgumentException("is not a token hash: write sha256:HEX (64 lowercase hex digits) or a"
                    + " BCrypt hash; make one with: backup-sentinel hash-password --token");
        }
    }

    /** A BCrypt hash of the password at {@code cost}. */
    public static String hashPassword(String password, int cost) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("a password is at most " + MAX_PASSWORD_BYTES + " bytes (BCrypt ignores"
                    + " the rest)");
        }
        return BCrypt.hashpw(password, BCrypt.gensalt("$2b", cost, RANDOM));
    }

    /** Whether the password matches the BCrypt hash; false (never an exception) for anything malformed. */
    static boolean passwordMatches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return false;
        }
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the token matches a {@code sha256:HEX} or BCrypt hash. */
    static boolean tokenMatches(String token, String hash) {
        if (hash.startsWith("sha256:")) {
            return MessageDigest.isEqual(sha256(token).getBytes(StandardCharsets.US_ASCII),
                    hash.getBytes(StandardCharsets.US_ASCII));
        }
        return passwordMatches(token, hash);
    }

    /** {@code sha256:HEX} of the text, the form a token is stored in. */
    public static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@code bytes} random bytes as URL-safe base64 without padding (session ids, CSRF tokens, API tokens). */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Compares two texts in time that depends only on their lengths; null equals nothing. */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
