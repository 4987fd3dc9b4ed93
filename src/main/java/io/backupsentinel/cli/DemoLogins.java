package io.backupsentinel.cli;

import io.backupsentinel.web.auth.AuthSettings;
import io.backupsentinel.web.auth.Secrets;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The demo's two logins, {@code viewer} and {@code admin}, with passwords made at random for each run and shown
 * once on the console: a fixed demo password would let anyone on a shared machine in, and a demo copied onto a
 * server would keep it. Only the BCrypt hashes reach the web server.
 */
record DemoLogins(String viewerPassword, String adminPassword, AuthSettings settings) {
    /** Cost 10: strong enough for a demo and quick to start. */
    private static final int COST = 10;

    static DemoLogins generate() {
        String viewer = password();
        String admin = password();
        AuthSettings none = AuthSettings.none();
        AuthSettings s = new AuthSettings(List.of(
                new AuthSettings.User("viewer", AuthSettings.Role.VIEWER, Secrets.hashPassword(viewer, COST)),
                new AuthSettings.User("admin", AuthSettings.Role.ADMIN, Secrets.hashPassword(admin, COST))),
                List.of(), none.metricsPublic(), none.sessionTtl(), none.secureCookies(), null);
        return new DemoLogins(viewer, admin, s);
    }

    /** 80 random bits as 20 hex digits: nothing a shell or a URL needs quoted. */
    private static String password() {
        return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(Secrets.random(10)));
    }

    @Override
    public String toString() {
        return "DemoLogins[viewer, admin]";
    }
}
