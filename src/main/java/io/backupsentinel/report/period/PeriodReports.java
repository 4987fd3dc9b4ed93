package io.backupsentinel.report.period;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.store.Filter;
import io.backupsentinel.store.HistoryQueries;
import io.backupsentinel.store.StoreException;
import io.backupsentinel.store.Stored;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link PeriodReport} from the history: the findings open at the period's start
 * ({@link HistoryQueries#openRecordsAt}), the transitions in {@code [from, to)} and the posture changes up to
 * {@code to}. A pure function of the history up to {@code to}, the request and nothing else: {@code now} only
 * decides whether the period is closed, so the CLI and the API make the same report.
 */
public final class PeriodReports {
    static final String RESTORE_TEST = "restore_test";
    static final String NO_HASH = "0".repeat(64);

    private PeriodReports() {
    }

    public static PeriodReport build(HistoryQueries q, ReportRequest r, Instant now) {
        Instant from = r.from();
        Instant to = r.to();
        if (!from.isBefore(to)) {
            throw new ReportException("the period is empty or reversed: from " + from + " is not before to " + to);
        }
        if (to.isAfter(now)) {
            throw new ReportException("the period ends after now: to " + to + " is later than " + now);
        }
        Instant first = q.firstInstant().orElseThrow(() -> new ReportException("the history is empty: nothing to report yet"));
        if (from.isBefore(first)) {
            throw new ReportException("the period starts before the history: the first available instant is " + first
                    + " (from " + from + ")");
        }
        ReportScope scope = r.scope();
        Map<String, RuleInfo> infos = new HashMap<>();
        r.rules().forEach(i -> infos.put(i.name(), i));
        PostureScan posture = PostureScan.of(q, first, from, to, scope);
        Selection selected = new Selection(scope, infos, posture);
        // Keyed by text: FindingKey's record hash collides badly across a fleet of similar names.
        Map<String, PairTrack> tracks = new HashMap<>();
        List<RestoreEvidence> restores = new ArrayList<>();
        Map<FindingKey, Stored<Finding>> open;
        try {
            open = q.openRecordsAt(from);
        } catch (StoreException e) {
            throw new ReportException(e.getMessage());
        }
        for (Map.Entry<FindingKey, Stored<Finding>> e : open.entrySet()) {
            if (selected.test(e.getKey())) {
                Stored<Finding> s = e.getValue();
                tracks.computeIfAbsent(text(e.getKey()), k -> new PairTrack(e.getKey(), from)).startWith(s.record(), cite(s));
                restore(restores, e.getKey(), s.record(), s.record().evaluatedAt(), true, cite(s));
            }
        }
        q.forEachTransition(from, to, filter(scope), s -> {
            FindingKey k = s.record().key();
            if (selected.test(k)) {
                tracks.computeIfAbsent(text(k), key -> new PairTrack(k, from)).change(s.record().current(), s.record().at(), cite(s));
                if (s.record().current() != null) {
                    restore(restores, k, s.record().current(), s.record().at(), false, cite(s));
                }
            }
        });
        List<PairTrack> ordered = new ArrayList<>(tracks.values());
        ordered.sort(Comparator.comparing(PairTrack::key, TableKeys.KEY_ORDER));
        ordered.forEach(t -> t.finish(to));
        Sections sections = Sections.of(ordered, from, to);
        Summaries summaries = Summaries.of(ordered, sections, infos, scope, from, to);
        Optional<Stored<Instant>> last = q.lastFindingRecordBefore(to);
        Citation head = last.map(s -> new Citation(s.seq(), s.hash())).orElse(new Citation(0, NO_HASH));
        Instant asOf = last.map(Stored::record).orElse(first);
        List<String> notes = notes(scope, posture);
        ReportCover cover = new ReportCover("Backup posture report", from, to, java.time.Duration.between(from, to).getSeconds(),
                scope, r.version(), asOf, head, summaries.tables(), summaries.rules().size(), notes);
        restores.sort(Comparator.comparing((RestoreEvidence e) -> new FindingKey(e.rule(), e.account(), e.region(), e.table()),
                TableKeys.KEY_ORDER).thenComparing(RestoreEvidence::at).thenComparing(e -> e.record().seq()));
        return new PeriodReport(cover, summaries.rules(), summaries.frameworks(), sections.times(), sections.violations(),
                sections.exemptions(), restores, posture.log(scope), posture.storage(scope));
    }

    private static List<String> notes(ReportScope scope, PostureScan posture) {
        List<String> notes = new ArrayList<>();
        notes.add("Times are in whole seconds; UNKNOWN time is reported as such and never counted compliant;"
                + " not observed is time with no finding for the rule and table.");
        if (!scope.tags().isEmpty()) {
            notes.add("Tags are matched against each table's tags as last recorded in the history before the period's"
                    + " end (posture aspect TABLE_TAGS); a table whose tags were never recorded matches no tag filter.");
        }
        if (!posture.anyStorage()) {
            notes.add("Storage: the history holds no backup storage records (posture aspect BACKUP_STORAGE) for this"
                    + " scope, so the storage section is empty.");
        }
        return notes;
    }

    private static void restore(List<RestoreEvidence> out, FindingKey k, Finding f, Instant at, boolean atStart, Citation by) {
        if (RESTORE_TEST.equals(f.check())) {
            out.add(new RestoreEvidence(k.rule(), k.account(), k.region(), k.table(), at, atStart, f.status(),
                    f.observed(), f.expected(), f.message(), by));
        }
    }

    /** The database narrows by one account or region; several are filtered here. */
    private static Filter filter(ReportScope scope) {
        String account = scope.accounts().size() == 1 ? scope.accounts().get(0) : null;
        String region = scope.regions().size() == 1 ? scope.regions().get(0) : null;
        String rule = scope.rules().size() == 1 ? scope.rules().get(0) : null;
        return new Filter(rule, account, region, null);
    }

    private static String text(FindingKey k) {
        return k.rule() + '\u0000' + TableKeys.of(k.account(), k.region(), k.table());
    }

    private static Citation cite(Stored<?> s) {
        return new Citation(s.seq(), s.hash());
    }

    /** Whether a (rule, table) is in the scope: its target, its rule (by name or framework) and its tags. */
    private record Selection(ReportScope scope, Map<String, RuleInfo> infos, PostureScan posture) {
        boolean test(FindingKey k) {
            if (!scope.matchesTarget(k.account(), k.region())) {
                return false;
            }
            if (!scope.rules().isEmpty() || !scope.frameworks().isEmpty()) {
                RuleInfo info = infos.get(k.rule());
                // A rule no longer loaded has no frameworks; selected by name it still counts.
                RuleInfo known = info != null ? info : new RuleInfo(k.rule(), "", io.backupsentinel.model.Severity.INFO, List.of(), "");
                if (!scope.matchesRule(known)) {
                    return false;
                }
            }
            return scope.matchesTags(posture.tags(k.account(), k.region(), k.table()));
        }
    }
}
