package io.backupsentinel.config;

import io.backupsentinel.yaml.YamlError;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A config file that cannot be used, with every error found in it, each
 * {@code FILE:LINE:COLUMN: key.path: message} (or {@code FILE: message} when the file as a whole is at fault).
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<YamlError> errors;

    public ConfigException(List<YamlError> errors) {
        super(errors.stream().map(YamlError::toString).collect(Collectors.joining("\n")), null, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Every error, in file order. */
    public List<YamlError> errors() {
        return errors;
    }
}
