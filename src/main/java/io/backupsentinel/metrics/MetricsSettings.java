package io.backupsentinel.metrics;

import java.util.Objects;

/**
 * The metrics' settings, read by the {@code config} package.
 *
 * @param perTableFindings whether to publish {@code backup_sentinel_finding} (one series per rule and
 *                         table) and the per-table backup storage series; turn off for fleets too large for
 *                         that, the per-rule counts remain
 * @param version          the running version, for {@code backup_sentinel_build_info}
 * @param revision         the source revision it was built from, or {@code "unknown"}
 */
public record MetricsSettings(boolean perTableFindings, String version, String revision) {
    public MetricsSettings {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(revision, "revision");
    }

    public static MetricsSettings defaults(String version) {
        return new MetricsSettings(true, version, "unknown");
    }
}
