package io.backupsentinel.web.runbook;

import java.time.Instant;

/**
 * The name of the table a restore creates: {@code NAME-restored-YYYYMMDDTHHMMZ}. Restores never overwrite the
 * source, so the name must be new, and valid for DynamoDB (3–255 characters of {@code [a-zA-Z0-9_.-]}) even
 * when the source name as collected is not.
 */
final class TargetName {
    static final int MAX = 255;
    private static final int MIN = 3;

    private TargetName() {
    }

    static String of(String tableName, Instant now) {
        String suffix = "-restored-" + Times.suffix(now);
        String base = sanitize(tableName);
        if (base.length() + suffix.length() > MAX) {
            base = base.substring(0, MAX - suffix.length());
        }
        String name = base + suffix;
        return name.length() >= MIN ? name : "table" + name;
    }

    /** Every character outside DynamoDB's table-name alphabet becomes '-'. */
    static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '.' || c == '-';
            out.append(ok ? c : '-');
        }
        return out.toString();
    }

    /** Whether {@code name} is a valid DynamoDB table name. */
    static boolean valid(String name) {
        return name.length() >= MIN && name.length() <= MAX && sanitize(name).equals(name);
    }
}
