package io.backupsentinel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One generated malformed rule input: how to lay it out in a directory, how many errors {@code validate} must
 * print, where the (first) error must point ({@code line} 0: the file or directory as a whole, -1: anywhere) and a
 * fragment of its message.
 */
record RuleFault(String name, Layout layout, int errors, int line, int column, String fragment) {

    /** Writes the fault's files (or links, directories…) into an empty directory. */
    @FunctionalInterface
    interface Layout {
        void write(Path dir) throws IOException;
    }

    /** A single-file fault: {@code rule.yml} with this text. */
    static RuleFault file(String name, String yaml, int line, int column, String fragment) {
        return new RuleFault(name, dir -> Files.writeString(dir.resolve(FILE), yaml), 1, line, column, fragment);
    }

    static final String FILE = "rule.yml";

    RuleFault errors(int n) {
        return new RuleFault(name, layout, n, line, column, fragment);
    }

    @Override
    public String toString() {
        return name;
    }
}
