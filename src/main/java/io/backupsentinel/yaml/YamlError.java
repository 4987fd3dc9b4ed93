package io.backupsentinel.yaml;

/**
 * One problem in a YAML file, where it is and which key. {@link #toString()} is the line a user reads:
 * {@code FILE:LINE:COLUMN: key.path: message}, without line and column when the problem is the whole file
 * (line 0), and without the path when there is none.
 *
 * @param file   the file as the user named it
 * @param line   1-based, 0 when the problem has no position (a missing file, one too large)
 * @param column 1-based, 0 when there is no position
 * @param path   the key path such as {@code aws.accounts[1].role_arn}, or empty
 */
public record YamlError(String file, int line, int column, String path, String message) {
    public YamlError {
        path = path == null ? "" : path;
    }

    /** Whether the error points at a line and column of the file. */
    public boolean located() {
        return line > 0;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ");
        if (!path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).toString();
    }
}
