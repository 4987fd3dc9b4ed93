package io.backupsentinel.web.auth;

/**
 * Who made a request, once authenticated: a name, a role, and how the credentials came (a session cookie is the
 * only way that needs CSRF protection, because a browser sends it by itself).
 *
 * @param csrfToken the session's CSRF token, for forms that post back; null unless {@code via} is SESSION
 */
public record Principal(String name, AuthSettings.Role role, Via via, String csrfToken) {
    /** How a request proved who it is. */
    public enum Via {
        /** The session cookie set by {@code POST /login}. */
        SESSION,
        /** {@code Authorization: Basic}. */
        BASIC,
        /** {@code Authorization: Bearer} with an API token. */
        BEARER,
        /** Local mode (no users configured): a request from the machine itself. */
        LOCAL,
        /** No credentials, allowed what {@code web.auth.anonymous} grants. */
        ANONYMOUS
    }

    @Override
    public String toString() {
        return "Principal[" + name + ", " + role + ", " + via + "]";
    }
}
