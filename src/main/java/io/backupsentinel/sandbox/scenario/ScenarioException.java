package io.backupsentinel.sandbox.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be loaded, with every error found in it (not just the first). */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ScenarioError> errors;

    public ScenarioException(List<ScenarioError> errors) {
        super(errors.stream().map(ScenarioError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ScenarioError> errors() {
        return errors;
    }
}
