package io.backupsentinel.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program from a Debian package that an integration test runs. Absent: the test is skipped with a
 * message saying how to install it, except on CI ({@code CI=true}), where it fails.
 */
public final class DebianProgram {
    private DebianProgram() {
    }

    /** {@code /usr/bin/NAME}, or skips (fails on CI) when package {@code debianPackage} is not installed. */
    public static Path require(String name, String debianPackage) {
        Path p = Path.of("/usr/bin", name);
        if (Files.isExecutable(p)) {
            return p;
        }
        String message = p + " not found: install it with `apt-get install -y " + debianPackage + "`";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + " (CI=true requires it)");
        }
        Assumptions.abort(message);
        return p;
    }
}
