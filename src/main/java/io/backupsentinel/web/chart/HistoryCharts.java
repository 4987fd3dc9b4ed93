package io.backupsentinel.web.chart;

import io.backupsentinel.engine.TableDetail;
import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Transition;
import io.backupsentinel.store.Stored;
import io.backupsentinel.web.status.TableCharts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The table page's charts over the last {@link #WINDOW}: the age of the newest recovery point against the RPO
 * target (from the recovery points the facts list: AVAILABLE on-demand backups, restorable AWS Backup points,
 * completed exports, and PITR's window, during which the age is PITR's lag), and the compliance timeline of each
 * rule from the table's transitions. A rule's time before its oldest transition shown is "no finding", not a guess.
 */
public final class HistoryCharts implements TableCharts {
    static final Duration WINDOW = Duration.ofDays(14);

    @Override
    public List<Chart> charts(TableDetail table, List<Stored<Transition>> timeline, Instant now) {
        TimeRange range = new TimeRange(now.minus(WINDOW), now);
        String name = table.table().name();
        List<Chart> out = new ArrayList<>(2);
        if (table.rpo() != null && table.facts() != null) {
            String title = "Age of the newest recovery point of " + name + " against its RPO, last 14 days";
            out.add(new Chart(title, RpoAgeChart.render("rpo-age-chart", title, series(table.facts(), range),
                    table.rpo(), range)));
        }
        List<Transition> transitions = timeline.stream().map(Stored::record).toList();
        String title = "Compliance of " + name + " by rule, last 14 days";
        out.add(new Chart(title, ComplianceChart.render("compliance-chart", title,
                Intervals.bands(transitions, range), range)));
        return out;
    }

    /** The effective age line: the youngest restorable point of any source at each moment. */
    static List<AgePoint> series(TableFacts f, TimeRange range) {
        List<Instant> points = new ArrayList<>();
        if (f.onDemandBackups().known()) {
            f.onDemandBackups().value().stream().filter(OnDemandBackup::available).map(OnDemandBackup::created)
                    .forEach(points::add);
        }
        if (f.recoveryPoints().known()) {
            f.recoveryPoints().value().stream().filter(RecoveryPoint::restorable).map(RecoveryPoint::created)
                    .forEach(points::add);
        }
        if (f.exports().known()) {
            f.exports().value().stream().filter(ExportRecord::completed).map(ExportRecord::exportTime)
                    .forEach(points::add);
        }
        points.removeIf(java.util.Objects::isNull);
        List<AgePoint> series = AgeSeries.sawtooth(points, range);
        PitrState pitr = f.pitr().known() ? f.pitr().value() : null;
        if (pitr != null && pitr.enabled() && pitr.earliestRestorable() != null && pitr.latestRestorable() != null
                && f.collectedAt() != null && pitr.earliestRestorable().isBefore(range.to())) {
            long lag = Duration.between(pitr.latestRestorable(), f.collectedAt()).getSeconds();
            series = AgeSeries.withContinuous(series, pitr.earliestRestorable(), lag, range);
        }
        return series;
    }
}
