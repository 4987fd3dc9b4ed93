package io.backupsentinel.web.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One AWS CLI command of a runbook step: what it does, and its exact argv ({@code aws}, service, operation,
 * options). {@link #line()} is the argv as one shell-safe line for a copy button.
 *
 * @param caption one line saying what the command does, e.g. "Restore to the chosen time"
 * @param argv    the words as the shell hands them to {@code aws}, unquoted
 */
public record CliCommand(String caption, List<String> argv) {
    public CliCommand {
        Objects.requireNonNull(caption, "caption");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command has at least one word");
        }
    }

    /** The command on one line, every word quoted for a POSIX shell where it needs to be. */
    public String line() {
        return ShellWords.join(argv);
    }

    /** {@code aws} followed by the service and operation words, e.g. ("dynamodb", "wait", "table-exists"). */
    static Builder aws(String... words) {
        return new Builder(words);
    }

    /** Builds an argv option by option. */
    static final class Builder {
        private final List<String> words = new ArrayList<>();

        private Builder(String... command) {
            words.add("aws");
            words.addAll(List.of(command));
        }

        /**
         * {@code --name value}. A value starting with '-' would be read as an option by the CLI's argument parser,
         * so it is written {@code --name=value} instead.
         */
        Builder option(String name, String value) {
            Objects.requireNonNull(value, name);
            if (value.startsWith("-")) {
                words.add(name + "=" + value);
            } else {
                words.add(name);
                words.add(value);
            }
            return this;
        }

        /** A flag without a value, e.g. {@code --use-latest-restorable-time}. */
        Builder flag(String name) {
            words.add(name);
            return this;
        }

        CliCommand build(String caption) {
            return new CliCommand(caption, words);
        }
    }
}
