package io.backupsentinel.sandbox.scenario;

import org.yaml.snakeyaml.error.Mark;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors of one scenario file, each with its location, so they can be reported together. */
final class Problems {
    private final String file;
    private final List<ScenarioError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(Mark mark, String path, String message) {
        errors.add(new ScenarioError(file, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                path, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<ScenarioError> errors() {
        return errors;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            // In file order, however the readers visited the file.
            errors.sort(java.util.Comparator.comparingInt(ScenarioError::line).thenComparingInt(ScenarioError::column));
            throw new ScenarioException(errors);
        }
    }
}
