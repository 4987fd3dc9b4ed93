package io.backupsentinel.sandbox.scenario;

/** One thing wrong in a scenario file, where it is (1-based line and column) and the field path. */
public record ScenarioError(String file, int line, int column, String path, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
