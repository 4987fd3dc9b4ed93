package io.backupsentinel.web.auth;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who may use the web server ({@code web.auth} in the config file): users who log in or send basic auth, API
 * tokens sent as {@code Authorization: Bearer}, and the session and cookie policy. Secrets are held only as
 * hashes: BCrypt for passwords, SHA-256 or BCrypt for tokens. With no users and no tokens the server is in
 * <em>local mode</em>: requests from the machine itself act as admin, others get only what {@code anonymous}
 * grants.
 *
 * @param users         people and scripts with a password
 * @param tokens        API tokens, for scrapers and scripts
 * @param metricsPublic whether {@code /metrics} is served without credentials (the default, like Prometheus'
 *                      own exporters); false requires a viewer, so a scraper sends basic auth or a token
 * @param sessionTtl    how long a login lasts, counted from the login (not sliding)
 * @param secureCookies whether the session cookie carries {@code Secure}
 * @param anonymous     what a request without credentials may do besides public routes: {@code null} nothing, or
 *                      {@link Role#VIEWER} (read-only pages open to all, e.g. behind an authenticating proxy)
 */
public record AuthSettings(List<User> users, List<ApiToken> tokens, boolean metricsPublic, Duration sessionTtl,
                           SecureCookies secureCookies, Role anonymous) {
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(12);

    /** What a principal may do; an admin may do everything a viewer may. */
    public enum Role {
        VIEWER, ADMIN;

        public boolean covers(Role needed) {
            return compareTo(needed) >= 0;
        }
    }

    /** {@code secure_cookies:} {@code auto} follows {@code web.base_url}'s scheme. */
    public enum SecureCookies { AUTO, ALWAYS, NEVER }

    /** A user with a BCrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}). */
    public record User(String name, Role role, String passwordHash) {
        public User {
            Objects.requireNonNull(role, "role");
            name = Secrets.checkName(name);
            Secrets.checkBcrypt(passwordHash);
        }

        @Override
        public String toString() {
            return "User[" + name + ", " + role + "]";
        }
    }

    /** An API token: its name (for logs and audit), role, and hash ({@code sha256:HEX} or BCrypt). */
    public record ApiToken(String name, Role role, String hash) {
        public ApiToken {
            Objects.requireNonNull(role, "role");
            name = Secrets.checkName(name);
            Secrets.checkTokenHash(hash);
        }

        @Override
        public String toString() {
            return "ApiToken[" + name + ", " + role + "]";
        }
    }

    public AuthSettings {
        users = List.copyOf(users);
        tokens = List.copyOf(tokens);
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        Objects.requireNonNull(secureCookies, "secureCookies");
        if (sessionTtl.compareTo(Duration.ofMinutes(1)) < 0 || sessionTtl.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("session_ttl must be between 1m and 30d, not " + sessionTtl);
        }
        Set<String> names = new HashSet<>();
        for (User u : users) {
            if (!names.add(u.name())) {
                throw new IllegalArgumentException("user " + u.name() + " is defined twice");
            }
        }
    }

    /** No users, no tokens: local mode, /metrics public, 12h sessions. */
    public static AuthSettings none() {
        return new AuthSettings(List.of(), List.of(), true, DEFAULT_SESSION_TTL, SecureCookies.AUTO, null);
    }

    /** True when nobody can log in: the server is in local mode. */
    public boolean local() {
        return users.isEmpty() && tokens.isEmpty();
    }
}
