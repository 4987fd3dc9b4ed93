package io.backupsentinel.cli;

/** How {@code audit} prints its findings. */
public enum OutputFormat {
    json, csv, text
}
