package io.backupsentinel.config;

import io.backupsentinel.aws.AwsSettings;

import java.nio.file.Path;

/**
 * The config file of {@code run} and {@code audit}, as records: where the rules are, which AWS accounts and
 * regions to audit and how, and the daemon's intervals. {@link #load} reports every error of the file at once.
 *
 * @param source the file read, null for {@link #defaults()}
 * @param rules  the rules directory or file (absolute), null when the file names none
 */
public record SentinelConfig(Path source, Path rules, AwsSettings aws, DaemonSettings daemon) {
    /** No file: the rules in ./rules, the caller's own account in the SDK's default region. */
    public static SentinelConfig defaults() {
        return new SentinelConfig(null, null, AwsSettings.defaults(), DaemonSettings.defaults(Path.of("")));
    }

    /** Reads {@code file}; throws {@link ConfigException} with every error when it is not valid. */
    public static SentinelConfig load(Path file) {
        return ConfigReader.read(file);
    }
}
