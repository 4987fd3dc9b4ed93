package io.backupsentinel.web.auth;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where to go after logging in ({@code /login?next=…}): only a path on this server, so the login page cannot be
 * used to send a user to another site (an open redirect). Anything else becomes {@code /}.
 */
final class NextPath {
    private NextPath() {
    }

    static String safe(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/")
                || next.startsWith("//") || next.startsWith("/login") || next.startsWith("/logout")) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            // Browsers read a backslash as a slash ("/\evil.com") and drop tabs and newlines ("/\t/evil.com").
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return "/";
            }
        }
        try {
            URI u = new URI(next);
            return u.getScheme() == null && u.getRawAuthority() == null ? next : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
