package io.backupsentinel.config;

import io.backupsentinel.web.auth.AuthSettings;
import io.backupsentinel.web.auth.AuthSettings.ApiToken;
import io.backupsentinel.web.auth.AuthSettings.Role;
import io.backupsentinel.web.auth.AuthSettings.User;
import io.backupsentinel.yaml.Suggest;
import io.backupsentinel.yaml.Text;
import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The {@code web.auth} section: users (name, role, BCrypt {@code password_hash}), API tokens (name, role,
 * {@code hash}), an optional {@code users_file} with more of them, {@code metrics_public}, {@code session_ttl},
 * {@code secure_cookies} and {@code anonymous}. A plaintext password is refused where it is written, with the
 * command that hashes it.
 */
final class AuthSection {
    static final String HOW_TO_HASH = "make a hash with: backup-sentinel hash-password";
    private static final List<String> ROLES = List.of("viewer", "admin");

    private AuthSection() {
    }

    static AuthSettings read(YNode node, Path base) {
        AuthSettings d = AuthSettings.none();
        if (node == null || node.isEmpty()) {
            return d;
        }
        YMap m = node.map();
        List<User> users = new ArrayList<>();
        List<ApiToken> tokens = new ArrayList<>();
        for (YNode u : m.list("users")) {
            add(users, u, () -> user(u));
        }
        for (YNode t : m.list("tokens")) {
            add(tokens, t, () -> token(t));
        }
        YNode file = m.value("users_file");
        if (file != null) {
            Path p = Paths.resolve(file, base);
            if (p != null) {
                UsersFile.read(p, file, users, tokens);
            }
        }
        boolean metricsPublic = m.bool("metrics_public", true);
        Duration ttl = m.duration("session_ttl", d.sessionTtl(), Duration.ofMinutes(1), Duration.ofDays(30));
        AuthSettings.SecureCookies secure = AuthSettings.SecureCookies.valueOf(m.oneOf("secure_cookies", "auto",
                List.of("auto", "always", "never")).toUpperCase(Locale.ROOT));
        String anonymous = m.oneOf("anonymous", "none", List.of("none", "viewer"));
        m.finish();
        try {
            return new AuthSettings(users, tokens, metricsPublic, ttl, secure,
                    "viewer".equals(anonymous) ? Role.VIEWER : null);
        } catch (IllegalArgumentException e) {
            node.error(e.getMessage());
            return d;
        }
    }

    static User user(YNode node) {
        YMap m = node.map();
        String name = m.requiredStr("name");
        Role role = role(m);
        YNode plain = m.get("password");
        if (plain != null) {
            plain.error("plaintext passwords are not accepted; " + HOW_TO_HASH + ", then write it as password_hash");
        }
        String hash = m.value("password_hash") == null ? null : m.value("password_hash").text();
        if (hash == null && plain == null) {
            m.missing("password_hash");
        }
        m.finish();
        if (name == null || role == null || hash == null) {
            return null;
        }
        try {
            return new User(name.trim(), role, hash);
        } catch (IllegalArgumentException e) {
            (e.getMessage().startsWith("a name") ? m.get("name") : m.get("password_hash")).error(e.getMessage());
            return null;
        }
    }

    static ApiToken token(YNode node) {
        YMap m = node.map();
        String name = m.requiredStr("name");
        Role role = role(m);
        YNode plain = m.get("token");
        if (plain != null) {
            plain.error("plaintext tokens are not accepted; make a token and its hash with: backup-sentinel"
                    + " hash-password --token, then write the hash as hash");
        }
        String hash = m.value("hash") == null ? null : m.value("hash").text();
        if (hash == null && plain == null) {
            m.missing("hash");
        }
        m.finish();
        if (name == null || role == null || hash == null) {
            return null;
        }
        try {
            return new ApiToken(name.trim(), role, hash);
        } catch (IllegalArgumentException e) {
            (e.getMessage().startsWith("a name") ? m.get("name") : m.get("hash")).error(e.getMessage());
            return null;
        }
    }

    private static Role role(YMap m) {
        YNode n = m.get("role");
        if (n == null) {
            m.missing("role");
            return null;
        }
        String r = n.text();
        if (r == null) {
            return null;
        }
        Role role = role(r);
        if (role == null) {
            n.error(unknownRole(r));
        }
        return role;
    }

    /** The role named (viewer or admin, any case), or null. */
    static Role role(String text) {
        String r = text.trim().toLowerCase(Locale.ROOT);
        return ROLES.contains(r) ? Role.valueOf(r.toUpperCase(Locale.ROOT)) : null;
    }

    static String unknownRole(String text) {
        return "unknown role '" + Text.clip(text) + "'" + Suggest.didYouMean(text.trim().toLowerCase(Locale.ROOT), ROLES)
                + " (roles: viewer, admin)";
    }

    private static <T> void add(List<T> into, YNode node, Supplier<T> read) {
        T t = read.get();
        if (t != null) {
            into.add(t);
        }
    }
}
