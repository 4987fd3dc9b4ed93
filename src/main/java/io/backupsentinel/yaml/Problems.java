package io.backupsentinel.yaml;

import org.yaml.snakeyaml.error.Mark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The errors found in one YAML file, collected so that reading goes on after the first and the user sees
 * them all; {@link #sorted()} gives them in file order, however the readers visited the file.
 */
public final class Problems {
    private final String file;
    private final List<YamlError> errors = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** An error at a SnakeYAML mark (0-based, ours 1-based); a null mark means the whole file. */
    public void add(Mark mark, String path, String message) {
        errors.add(mark == null ? new YamlError(file, 0, 0, path, message)
                : new YamlError(file, mark.getLine() + 1, mark.getColumn() + 1, path, message));
    }

    /** An error about the file as a whole (it cannot be read, it is too large…). */
    public void whole(String message) {
        errors.add(new YamlError(file, 0, 0, "", message));
    }

    /** An error found outside the YAML reader, e.g. in a line-based file that a config names. */
    public void add(YamlError error) {
        errors.add(error);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int count() {
        return errors.size();
    }

    /** In the order found. */
    public List<YamlError> errors() {
        return List.copyOf(errors);
    }

    /** By line and column; whole-file errors first. */
    public List<YamlError> sorted() {
        return errors.stream().sorted(Comparator.comparingInt(YamlError::line).thenComparingInt(YamlError::column))
                .toList();
    }
}
