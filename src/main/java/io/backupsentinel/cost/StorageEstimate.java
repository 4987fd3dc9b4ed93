package io.backupsentinel.cost;

import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RecoverySource;
import io.backupsentinel.model.TableDescription;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The bytes each backup source holds for one table and what keeping them costs a month, estimated from the
 * collected facts and a {@link PriceTable}. A source whose facts are unknown (a failed or not-asked call, a
 * size AWS did not report) is unknown with the cause, never zero; the total is known only when every source is.
 *
 * <ul>
 * <li>{@code pitr}: continuous backups are billed on the table's size (DescribeTable's TableSizeBytes, which AWS
 * refreshes about every six hours); zero when PITR is off.</li>
 * <li>{@code on_demand}: the sum of BackupSizeBytes of the AVAILABLE USER and SYSTEM backups listed. Each
 * DynamoDB backup is a full copy of the table, billed whole (no increments). Backups of type AWS_BACKUP are left
 * to {@code aws_backup}, so nothing is counted twice.</li>
 * <li>{@code aws_backup}: the sum of BackupSizeInBytes of the table's restorable recovery points in this region's
 * vaults; a point older than its lifecycle's MoveToColdStorageAfterDays is priced as cold storage. DynamoDB
 * recovery points are full copies too.</li>
 * <li>{@code export}: BilledSizeBytes of the newest completed export (S3 Standard). Older exports may still be
 * in S3 (their lifecycle is not visible here), and an incremental export's size is only its changes.</li>
 * </ul>
 * Backups and recovery points are those the collection listed, which reach back as far as the rules in scope
 * look (a retention rule lists every kept point); points older than that are not counted.
 *
 * @param sources every source, known or unknown with its cause
 * @param total   the sum of every source, unknown when one of them is
 * @param asOf    when the facts were collected (cold storage is judged at this instant)
 */
public record StorageEstimate(TableRef table, Map<RecoverySource, Fact<Amount>> sources, Fact<Amount> total,
                              Instant asOf) {
    /** Bytes held and their estimated monthly cost in USD. */
    public record Amount(long bytes, double monthlyUsd) {
        static final Amount NONE = new Amount(0, 0);

        Amount plus(Amount o) {
            return new Amount(Math.addExact(bytes, o.bytes), monthlyUsd + o.monthlyUsd);
        }
    }

    public StorageEstimate {
        sources = Collections.unmodifiableMap(new EnumMap<>(sources));
    }

    /** The estimate for one table's facts at the prices of the table's region. */
    public static StorageEstimate of(TableFacts facts, PriceTable prices) {
        Prices p = prices.in(facts.table().region());
        Map<RecoverySource, Fact<Amount>> sources = new EnumMap<>(RecoverySource.class);
        sources.put(RecoverySource.PITR, pitr(facts.pitr(), facts.description(), p));
        sources.put(RecoverySource.ON_DEMAND, onDemand(facts.onDemandBackups(), p));
        sources.put(RecoverySource.AWS_BACKUP, awsBackup(facts.recoveryPoints(), facts.collectedAt(), p));
        sources.put(RecoverySource.EXPORT, export(facts.exports(), p));
        return new StorageEstimate(facts.table(), sources, total(sources), facts.collectedAt());
    }

    public Fact<Amount> source(RecoverySource source) {
        return sources.get(source);
    }

    /**
     * The known bytes per source as the history's BACKUP_STORAGE posture change records them:
     * {@code "pitr=BYTES on_demand=BYTES aws_backup=BYTES export=BYTES"}, unknown sources left out; empty when
     * none is known.
     */
    public String bytesSummary() {
        StringJoiner out = new StringJoiner(" ");
        sources.forEach((s, f) -> {
            if (f.known()) {
                out.add(s.label() + "=" + f.value().bytes());
            }
        });
        return out.toString();
    }

    private static Fact<Amount> pitr(Fact<PitrState> pitr, Fact<TableDescription> description, Prices p) {
        if (!pitr.known()) {
            return Fact.failed("PITR state unknown: " + pitr.cause());
        }
        if (!pitr.value().enabled()) {
            return Fact.of(Amount.NONE);
        }
        if (!description.known()) {
            return Fact.failed("table size unknown: " + description.cause());
        }
        long bytes = description.value().sizeBytes();
        return Fact.of(new Amount(bytes, PriceTable.monthlyUsd(bytes, p.pitr())));
    }

    private static Fact<Amount> onDemand(Fact<List<OnDemandBackup>> backups, Prices p) {
        if (!backups.known()) {
            return Fact.failed("on-demand backups unknown: " + backups.cause());
        }
        long bytes = 0;
        int unsized = 0;
        for (OnDemandBackup b : backups.value()) {
            if (b.available() && !"AWS_BACKUP".equals(b.type())) {
                if (b.sizeBytes() == null) {
                    unsized++;
                } else {
                    bytes = Math.addExact(bytes, b.sizeBytes());
                }
            }
        }
        if (unsized > 0) {
            return Fact.failed("ListBackups gave no BackupSizeBytes for " + unsized + " available backup(s)");
        }
        return Fact.of(new Amount(bytes, PriceTable.monthlyUsd(bytes, p.onDemand())));
    }

    private static Fact<Amount> awsBackup(Fact<List<RecoveryPoint>> points, Instant now, Prices p) {
        if (!points.known()) {
            return Fact.failed("recovery points unknown: " + points.cause());
        }
        long warm = 0;
        long cold = 0;
        int unsized = 0;
        for (RecoveryPoint rp : points.value()) {
            if (!rp.restorable()) {
                continue;
            }
            if (rp.sizeBytes() == null) {
                unsized++;
            } else if (cold(rp, now)) {
                cold = Math.addExact(cold, rp.sizeBytes());
            } else {
                warm = Math.addExact(warm, rp.sizeBytes());
            }
        }
        if (unsized > 0) {
            return Fact.failed("AWS Backup gave no BackupSizeInBytes for " + unsized + " recovery point(s)");
        }
        return Fact.of(new Amount(Math.addExact(warm, cold), PriceTable.monthlyUsd(warm, p.awsBackupWarm())
                + PriceTable.monthlyUsd(cold, p.awsBackupCold())));
    }

    /** Whether the point's lifecycle has moved it to cold storage by {@code now}. */
    static boolean cold(RecoveryPoint rp, Instant now) {
        Long days = rp.moveToColdStorageAfterDays();
        Instant created = rp.created();
        return days != null && created != null && now != null
                && !now.isBefore(created.plus(Duration.ofDays(days)));
    }

    private static Fact<Amount> export(Fact<List<ExportRecord>> exports, Prices p) {
        if (!exports.known()) {
            return Fact.failed("exports unknown: " + exports.cause());
        }
        ExportRecord newest = null;
        for (ExportRecord e : exports.value()) {
            if (e.completed() && (newest == null || later(e, newest))) {
                newest = e;
            }
        }
        if (newest == null) {
            return Fact.of(Amount.NONE);
        }
        if (newest.billedSizeBytes() == null) {
            return Fact.failed("DescribeExport gave no BilledSizeBytes for " + newest.arn());
        }
        long bytes = newest.billedSizeBytes();
        return Fact.of(new Amount(bytes, PriceTable.monthlyUsd(bytes, p.export())));
    }

    private static boolean later(ExportRecord a, ExportRecord b) {
        Instant ta = a.exportTime() != null ? a.exportTime() : a.startTime();
        Instant tb = b.exportTime() != null ? b.exportTime() : b.startTime();
        return ta != null && (tb == null || ta.isAfter(tb));
    }

    private static Fact<Amount> total(Map<RecoverySource, Fact<Amount>> sources) {
        Amount sum = Amount.NONE;
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<RecoverySource, Fact<Amount>> e : sources.entrySet()) {
            if (e.getValue().known()) {
                sum = sum.plus(e.getValue().value());
            } else {
                unknown.add(e.getKey().label());
            }
        }
        return unknown.isEmpty() ? Fact.of(sum)
                : Fact.failed("total unknown: " + String.join(", ", unknown) + " unknown");
    }
}
