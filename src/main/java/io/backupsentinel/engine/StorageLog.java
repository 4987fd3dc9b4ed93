package io.backupsentinel.engine;

import io.backupsentinel.cost.PriceTable;
import io.backupsentinel.cost.StorageEstimate;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.TableFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The BACKUP_STORAGE entries of the posture change log: per table, the bytes each source holds
 * ({@link StorageEstimate#bytesSummary()}), from the facts merged across the collections of different rules (so a
 * collection that did not ask for backups does not read as "the backups are gone"). An entry is written when the
 * bytes differ from the last entry and that entry is at least {@link #EVERY} old: storage moves with every backup,
 * and the report wants its daily course, not every change. After a restart the log resumes from the history's
 * last entry of each table ({@link #resume}); a table first seen is written with no "before".
 */
final class StorageLog {
    static final Duration EVERY = Duration.ofDays(1);

    private record Written(String summary, Instant at) {
    }

    private final Map<String, TableFacts> merged = new ConcurrentHashMap<>();
    private final Map<String, Written> last = new ConcurrentHashMap<>();

    /** The entries due after a collection of {@code tables} at {@code now}. */
    List<PostureChange> observe(List<TableFacts> tables, Instant now) {
        List<PostureChange> out = new ArrayList<>();
        for (TableFacts f : tables) {
            TableFacts all = merged.merge(f.table().arn(), f, FactsMerge::merge);
            // Prices do not enter the log: it records bytes, which the report prices itself.
            String summary = StorageEstimate.of(all, PriceTable.AWS_LIST_PRICES).bytesSummary();
            if (summary.isEmpty()) {
                continue;
            }
            Written was = last.get(f.table().arn());
            if (was == null || (!was.summary().equals(summary) && !now.isBefore(was.at().plus(EVERY)))) {
                out.add(new PostureChange(f.table(), PostureChange.Aspect.BACKUP_STORAGE,
                        was == null ? null : was.summary(), summary, now));
                last.put(f.table().arn(), new Written(summary, now));
            }
        }
        return out;
    }

    /**
     * Resumes from the history's last entry of each table (at start): the next entry is due when the bytes
     * differ from it and it is a day old, and names it as "before".
     */
    void resume(List<PostureChange> latest) {
        for (PostureChange p : latest) {
            if (p.aspect() == PostureChange.Aspect.BACKUP_STORAGE && p.after() != null) {
                last.merge(p.table().arn(), new Written(p.after(), p.at()),
                        (was, stored) -> stored.at().isAfter(was.at()) ? stored : was);
            }
        }
    }

    /** The table is gone: its next appearance starts a new log. */
    void forget(String tableArn) {
        merged.remove(tableArn);
        last.remove(tableArn);
    }
}
