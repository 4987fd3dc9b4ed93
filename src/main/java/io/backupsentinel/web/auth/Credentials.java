package io.backupsentinel.web.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a user name and password, or an API token, against the configured hashes. An unknown user costs the
 * same BCrypt work as a known one (a dummy hash of the same cost), so response times do not tell which names
 * exist.
 *
 * <p>BCrypt is slow on purpose: right for a login, wrong for every request of a script that sends Basic auth or a
 * BCrypt-hashed token each time (a report download, a scrape), where it would cost tens of milliseconds of CPU per
 * request. So a secret that verified is remembered, as Prometheus' exporter-toolkit does: keyed by an HMAC of what
 * was presented under a key made at start (never the secret itself), at most {@link #REMEMBERED} of them, least
 * recently used out. Failures are never remembered: a wrong password always costs the full BCrypt work (and the
 * login limiter counts it). Users and tokens are read once, when the web server starts, so the memory never
 * outlives the hashes its entries were checked against.
 */
final class Credentials {
    static final int REMEMBERED = 256;
    private final Map<String, AuthSettings.User> users;
    private final AuthSettings settings;
    private final String dummyHash;
    private final BiPredicate<String, String> bcrypt;
    private final byte[] memoryKey = Secrets.random(32).getBytes(StandardCharsets.UTF_8);
    private final Map<String, Object> verified = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > REMEMBERED;
        }
    };

    Credentials(AuthSettings settings) {
        this(settings, Secrets::passwordMatches);
    }

    /** With the BCrypt check given, so a test can count how often it runs. */
    Credentials(AuthSettings settings, BiPredicate<String, String> bcrypt) {
        this.settings = settings;
        this.bcrypt = bcrypt;
        this.users = settings.users().stream().collect(Collectors.toMap(AuthSettings.User::name, Function.identity()));
        int cost = settings.users().isEmpty() ? 4 : cost(settings.users().get(0).passwordHash());
        this.dummyHash = Secrets.hashPassword(Secrets.random(16), cost);
    }

    /** The user when the password is right; empty otherwise (unknown name or wrong password alike). */
    Optional<AuthSettings.User> user(String name, String password) {
        String pw = password == null ? "" : password;
        String memory = name == null ? null : remembered("user", name, pw);
        if (memory != null && recall(memory) instanceof AuthSettings.User known) {
            return Optional.of(known);
        }
        AuthSettings.User u = name == null ? null : users.get(name);
        boolean ok = bcrypt.test(pw, u == null ? dummyHash : u.passwordHash());
        if (u != null && ok) {
            remember(memory, u);
            return Optional.of(u);
        }
        return Optional.empty();
    }

    /** The token the presented value matches, if any. */
    Optional<AuthSettings.ApiToken> token(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return Optional.empty();
        }
        String memory = remembered("token", presented, "");
        if (recall(memory) instanceof AuthSettings.ApiToken known) {
            return Optional.of(known);
        }
        AuthSettings.ApiToken found = null;
        for (AuthSettings.ApiToken t : settings.tokens()) {
            // No early exit: every token is compared, so timing says nothing about which one matched.
            boolean matches = t.hash().startsWith("sha256:") ? Secrets.tokenMatches(presented, t.hash())
                    : bcrypt.test(presented, t.hash());
            if (matches && found == null) {
                found = t;
            }
        }
        if (found != null && !found.hash().startsWith("sha256:")) {
            remember(memory, found);
        }
        return Optional.ofNullable(found);
    }

    /** The memory's key for a presented secret: an HMAC, so the secret itself is never kept. */
    private String remembered(String kind, String name, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(memoryKey, "HmacSHA256"));
            byte[] digest = mac.doFinal((kind + '\u0000' + name + '\u0000' + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private synchronized Object recall(String key) {
        return key == null ? null : verified.get(key);
    }

    private synchronized void remember(String key, Object who) {
        if (key != null) {
            verified.put(key, who);
        }
    }

    synchronized int rememberedCount() {
        return verified.size();
    }

    private static int cost(String bcrypt) {
        return Integer.parseInt(bcrypt.substring(4, 6));
    }
}
