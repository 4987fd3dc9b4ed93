package io.backupsentinel.config;

import io.backupsentinel.yaml.YNode;

import java.nio.file.Path;

/**
 * Reads one top-level section of the config file into its settings record. Each section is one small class,
 * so a new one (store, alert, web…) is added by writing its reader and naming it in {@link ConfigReader}.
 *
 * @param <T> the section's settings record
 */
interface SectionReader<T> {
    /** The top-level key, e.g. {@code aws}. */
    String key();

    /**
     * The settings; {@code node} is null when the section is absent (then all defaults). Errors go to the node's
     * problems, and the value returned for a section with errors is never used.
     *
     * @param base the config file's directory, for relative paths
     */
    T read(YNode node, Path base);
}
