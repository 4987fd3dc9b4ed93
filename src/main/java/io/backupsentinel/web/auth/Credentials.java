package io.backupsentinel.web.auth;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a user name and password, or an API token, against the configured hashes. An unknown user costs the
 * same BCrypt work as a known one (a dummy hash of the same cost), so response times do not tell which names
 * exist.
 */
final class Credentials {
    private final Map<String, AuthSettings.User> users;
    private final AuthSettings settings;
    private final String dummyHash;

    Credentials(AuthSettings settings) {
        this.settings = settings;
        this.users = settings.users().stream().collect(Collectors.toMap(AuthSettings.User::name, Function.identity()));
        int cost = settings.users().isEmpty() ? 4 : cost(settings.users().get(0).passwordHash());
        this.dummyHash = Secrets.hashPassword(Secrets.random(16), cost);
    }

    /** The user when the password is right; empty otherwise (unknown name or wrong password alike). */
    Optional<AuthSettings.User> user(String name, String password) {
        AuthSettings.User u = name == null ? null : users.get(name);
        boolean ok = Secrets.passwordMatches(password == null ? "" : password, u == null ? dummyHash : u.passwordHash());
        return u != null && ok ? Optional.of(u) : Optional.empty();
    }

    /** The token the presented value matches, if any. */
    Optional<AuthSettings.ApiToken> token(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return Optional.empty();
        }
        AuthSettings.ApiToken found = null;
        for (AuthSettings.ApiToken t : settings.tokens()) {
            // No early exit: every token is compared, so timing says nothing about which one matched.
            if (Secrets.tokenMatches(presented, t.hash()) && found == null) {
                found = t;
            }
        }
        return Optional.ofNullable(found);
    }

    private static int cost(String bcrypt) {
        return Integer.parseInt(bcrypt.substring(4, 6));
    }
}
