package io.backupsentinel.rule;

/**
 * One problem in a rule file, where it is and which rule it belongs to. {@link #toString()} is the line
 * {@code validate} prints: {@code FILE:LINE:COLUMN: rule NAME: message}, without {@code rule NAME: } when no
 * rule is involved, and without line and column (0) when the problem is the file or directory itself.
 *
 * @param file   the path as the user gave it (relative when the directory was relative)
 * @param line   1-based, 0 when there is no position
 * @param column 1-based, 0 when there is no position
 * @param rule   the rule's name, or null
 */
public record RuleError(String file, int line, int column, String rule, String message) {

    @Override
    public String toString() {
        return line("");
    }

    /** The line for a warning: {@code FILE[:LINE:COLUMN]: warning: [rule NAME: ]message}. */
    public String asWarning() {
        return line("warning: ");
    }

    private String line(String kind) {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ").append(kind);
        if (rule != null) {
            out.append("rule ").append(rule).append(": ");
        }
        return out.append(message).toString();
    }
}
