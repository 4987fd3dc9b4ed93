package io.backupsentinel.config;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;

import java.nio.file.Path;

/**
 * The {@code metrics:} section: {@code per_table_findings} (default true) turns off the one-series-per-(rule,
 * table) {@code backup_sentinel_finding} for fleets too large for it; the per-rule counts stay.
 */
final class MetricsSection implements SectionReader<Boolean> {
    @Override
    public String key() {
        return "metrics";
    }

    @Override
    public Boolean read(YNode node, Path base) {
        if (node == null) {
            return true;
        }
        YMap m = node.map();
        Boolean perTable = m.bool("per_table_findings", true);
        m.finish();
        return perTable == null || perTable;
    }
}
