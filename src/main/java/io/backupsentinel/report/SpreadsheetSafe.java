package io.backupsentinel.report;

import java.util.Arrays;

/**
 * Neutralises spreadsheet formulas in CSV cells (OWASP "CSV injection"): a cell that starts with
 * {@code = + - @}, a tab or a carriage return is prefixed with a single quote, so a spreadsheet shows it
 * as text instead of running it. A value AWS controls (a table name, a failure message) must never run.
 */
public final class SpreadsheetSafe {
    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    public static Object[] cells(String... values) {
        return Arrays.stream(values).map(SpreadsheetSafe::cell).toArray();
    }
}
