package io.backupsentinel.store;

import java.util.regex.Pattern;

/** Removes secrets from text meant for users and logs: a password written into a JDBC URL. */
final class Redact {
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    private Redact() {
    }

    static String url(String url) {
        String out = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(out).replaceAll("$1***@");
    }
}
