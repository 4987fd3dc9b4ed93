package io.backupsentinel.engine;

import io.backupsentinel.model.Fact;
import io.backupsentinel.model.TableFacts;

/**
 * A table's facts from collections made for different rules, each asking only for some kinds: a kind the
 * newer collection did not ask for keeps its older value; a kind it asked for (known, or failed) replaces it.
 */
final class FactsMerge {
    private FactsMerge() {
    }

    static TableFacts merge(TableFacts older, TableFacts newer) {
        if (older == null) {
            return newer;
        }
        return new TableFacts(newer.table(), newer.tags(), newer.tableStatus(), newer.creationTime(),
                pick(older.pitr(), newer.pitr()), pick(older.onDemandBackups(), newer.onDemandBackups()),
                pick(older.recoveryPoints(), newer.recoveryPoints()), pick(older.exports(), newer.exports()),
                pick(older.plans(), newer.plans()), pick(older.vaults(), newer.vaults()),
                pick(older.backupJobs(), newer.backupJobs()), pick(older.copyJobs(), newer.copyJobs()),
                pick(older.restoreJobs(), newer.restoreJobs()), pick(older.description(), newer.description()),
                newer.collectedAt());
    }

    private static <T> Fact<T> pick(Fact<T> older, Fact<T> newer) {
        return newer.notAsked() ? older : newer;
    }
}
