package io.backupsentinel.web.auth;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;

/**
 * The login form, server-rendered: labelled fields with autocomplete hints, the error (if any) announced to
 * screen readers, no inline script or style (the page works under the CSP), every value HTML-escaped.
 */
final class LoginPage {
    /** The user name field's maxlength; a longer name is refused without being echoed. */
    static final int MAX_USER = 64;

    private LoginPage() {
    }

    /**
     * @param error    what went wrong in the last attempt, or null
     * @param user     the user name to fill in again, or null
     * @param next     where to go after logging in (already made safe)
     * @param token    the login form's CSRF token
     * @param noUsers  true in local mode, where nobody can log in: the page says how to add users instead
     */
    static String render(String error, String user, String next, String token, boolean noUsers) {
        StringOutput out = new StringOutput();
        out.writeContent("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Log in · Backup Sentinel</title>\n"
                + "<link rel=\"stylesheet\" href=\"/assets/sentinel.css\">\n</head>\n<body>\n"
                + "<main class=\"login\">\n<h1>Backup Sentinel</h1>\n");
        if (noUsers) {
            out.writeContent("<p>No users are configured, so nobody can log in. Pages are served to this machine"
                    + " only. Add users under <code>web.auth</code> in the config file; make a password hash with"
                    + " <code>backup-sentinel hash-password</code>.</p>\n</main>\n</body>\n</html>\n");
            return out.toString();
        }
        if (error != null) {
            out.writeContent("<p class=\"error\" id=\"login-error\" role=\"alert\">");
            Escape.htmlContent(error, out);
            out.writeContent("</p>\n");
        }
        out.writeContent("<form method=\"post\" action=\"/login\">\n<input type=\"hidden\" name=\"" + Csrf.FIELD
                + "\" value=\"");
        Escape.htmlAttribute(token, out);
        out.writeContent("\">\n<input type=\"hidden\" name=\"next\" value=\"");
        Escape.htmlAttribute(next, out);
        out.writeContent("\">\n<p><label for=\"username\">User name</label>\n"
                + "<input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\""
                + " autocapitalize=\"none\" spellcheck=\"false\" maxlength=\"" + MAX_USER + "\" required");
        if (user == null || user.isEmpty()) {
            out.writeContent(" autofocus");
        } else {
            out.writeContent(" value=\"");
            Escape.htmlAttribute(user, out);
            out.writeContent("\"");
        }
        if (error != null) {
            out.writeContent(" aria-describedby=\"login-error\"");
        }
        out.writeContent("></p>\n<p><label for=\"password\">Password</label>\n"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
                + " maxlength=\"200\" required" + (user == null || user.isEmpty() ? "" : " autofocus") + "></p>\n"
                + "<p><button type=\"submit\">Log in</button></p>\n</form>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /**
     * The confirmation before logging out ({@code GET /logout}): a form posting to {@code /logout} with the
     * session's CSRF token, so a link on another site cannot end a session; {@code token} null when the request
     * did not come with a session (Basic, a token, or local mode), which has nothing to log out of.
     */
    static String renderLogout(String user, String token) {
        StringOutput out = new StringOutput();
        out.writeContent("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Log out · Backup Sentinel</title>\n"
                + "<link rel=\"stylesheet\" href=\"/assets/sentinel.css\">\n</head>\n<body>\n"
                + "<main class=\"login\">\n<h1>Backup Sentinel</h1>\n");
        if (token == null) {
            out.writeContent("<p>This request did not come with a login session, so there is nothing to log out of."
                    + "</p>\n<p><a href=\"/\">Back to the fleet summary</a></p>\n</main>\n</body>\n</html>\n");
            return out.toString();
        }
        out.writeContent("<p>Logged in as <strong>");
        Escape.htmlContent(user, out);
        out.writeContent("</strong>.</p>\n<form method=\"post\" action=\"/logout\">\n<input type=\"hidden\" name=\""
                + Csrf.FIELD + "\" value=\"");
        Escape.htmlAttribute(token, out);
        out.writeContent("\">\n<p><button type=\"submit\">Log out</button> <a href=\"/\">Stay logged in</a></p>\n"
                + "</form>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }
}
