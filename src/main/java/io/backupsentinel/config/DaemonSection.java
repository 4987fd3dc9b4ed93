package io.backupsentinel.config;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code daemon:} section. Intervals have floors (AWS is not polled more often than every 10s; a re-check
 * of a breached table every 5s) and a ceiling of 30 days, beyond which a schedule means "never".
 */
final class DaemonSection implements SectionReader<DaemonSettings> {
    static final Duration FLOOR = Duration.ofSeconds(10);
    static final Duration RECHECK_FLOOR = Duration.ofSeconds(5);
    static final Duration CEILING = Duration.ofDays(30);

    @Override
    public String key() {
        return "daemon";
    }

    @Override
    public DaemonSettings read(YNode node, Path base) {
        DaemonSettings d = DaemonSettings.defaults(base);
        if (node == null) {
            return d;
        }
        YMap m = node.map();
        Duration collect = m.duration("collect_every", d.collectEvery(), FLOOR, CEILING);
        Duration evaluate = m.duration("evaluate_every", d.evaluateEvery(), FLOOR, CEILING);
        Duration recheck = m.duration("recheck_every", d.recheckEvery(), RECHECK_FLOOR, CEILING);
        YNode dataDirNode = m.get("data_dir");
        Path dataDir = dataDirNode == null ? d.dataDir() : Paths.resolve(dataDirNode, base);
        m.finish();
        return new DaemonSettings(collect, evaluate, recheck, dataDir == null ? d.dataDir() : dataDir);
    }
}
