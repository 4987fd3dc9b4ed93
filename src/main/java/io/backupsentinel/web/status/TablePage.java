package io.backupsentinel.web.status;

import io.backupsentinel.cost.StorageEstimate;
import io.backupsentinel.engine.TableDetail;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.RecoverySource;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.Transition;
import io.backupsentinel.store.Stored;
import io.backupsentinel.web.runbook.RunbookStep;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /tables/{account}/{region}/{table}} shows.
 *
 * @param historyError why the timeline could not be read (the database is away); null when it was
 * @param runbook      the recovery runbook's steps ({@link io.backupsentinel.web.runbook.Runbook})
 * @param restoreTo    the PITR restore time the reader chose ({@code ?restore_to=}); null for the latest
 * @param storage      the backup storage estimate; null before the table's first collection
 */
public record TablePage(TableDetail table, List<Stored<Transition>> timeline, List<Stored<PostureChange>> posture,
                        String historyError, List<RunbookStep> runbook, Instant restoreTo,
                        List<TableCharts.Chart> charts, StorageEstimate storage, Instant now) {
    public static final int HISTORY = 100;
    private static final String EFFECTIVE = "effective";

    /**
     * A source's age against the RPO target: "within", "over" (also when it has no point), "unknown" when it could
     * not be read, or "" when there is no target. The effective point is "unknown", not "over", while a source that
     * might be younger could not be read, as the rpo check judges it.
     */
    public String againstRpo(TableDetail.SourceAge s) {
        if (table.rpo() == null) {
            return "";
        }
        if (!s.known()) {
            return "unknown";
        }
        if (s.age(now).filter(age -> age.compareTo(table.rpo()) <= 0).isPresent()) {
            return "within";
        }
        boolean someUnknown = table.sources().stream().anyMatch(x -> !x.known());
        return EFFECTIVE.equals(s.source()) && someUnknown ? "unknown" : "over";
    }

    /** "within", "over" or "": a restore's duration against the RTO. */
    public String againstRto(TableDetail.RestoreTest r) {
        if (table.rto() == null || r.took() == null) {
            return "";
        }
        return r.took().compareTo(table.rto()) <= 0 ? "within" : "over";
    }

    public String age(TableDetail.SourceAge s) {
        return s.age(now).map(Fmt::duration).orElse("");
    }

    /** The value of the restore-time field: the chosen time, or empty for the latest restorable time. */
    public String restoreToValue() {
        return restoreTo == null ? "" : Fmt.iso(restoreTo);
    }

    public String duration(Duration d) {
        return d == null ? "" : Fmt.duration(d);
    }

    /** The sources of the storage estimate in the order they are shown. */
    public List<RecoverySource> storageSources() {
        return List.of(RecoverySource.values());
    }

    /** Bytes in binary units, e.g. "12.4 GiB"; the cause when unknown. */
    public static String bytes(Fact<StorageEstimate.Amount> f) {
        if (!f.known()) {
            return "unknown";
        }
        long b = f.value().bytes();
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? b + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** The estimated monthly cost, e.g. "$1.23" or "< $0.01" for a few megabytes; empty when unknown. */
    public static String usd(Fact<StorageEstimate.Amount> f) {
        if (!f.known()) {
            return "";
        }
        double usd = f.value().monthlyUsd();
        return usd > 0 && usd < 0.005 ? "< $0.01" : String.format(java.util.Locale.ROOT, "$%,.2f", usd);
    }
}
