package io.backupsentinel.report.period;

import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.Status;
import io.backupsentinel.store.Filter;
import io.backupsentinel.store.FindingChange;
import io.backupsentinel.store.HistoryQueries;
import io.backupsentinel.store.Stored;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Builds a {@link PeriodReport} from the history: the findings open at the period's start
 * ({@link HistoryQueries#openChangesAt}), the transitions in {@code [from, to)} and the posture changes up to
 * {@code to}. A pure function of the history up to {@code to}, the request and nothing else: {@code now} only
 * decides whether the period is closed, so the CLI and the API make the same report.
 *
 * <p>The tables in scope are those with a (rule, table) pair in scope: judged during the period by a rule the
 * scope selects (by name or framework), in its accounts and regions, with its tags. The cover counts them, and
 * the change log and the storage section list only them, so a rule or framework scope narrows every section alike.
 */
public final class PeriodReports {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodReports.class);
    static final String RESTORE_TEST = "restore_test";
    static final String NO_HASH = "0".repeat(64);
    /** Stands for every (rule, table) outside the report's scope in the map of tracks. */
    private static final PairTrack OUT = new PairTrack(new FindingKey("", "", "", ""), Instant.EPOCH);
    /** The changes whose whole finding a report quotes: those that open a violation or an exemption, and restore tests. */
    static final FindingChange.Detail DETAIL = new FindingChange.Detail(EnumSet.of(Status.NON_COMPLIANT, Status.EXEMPT),
            Set.of(RESTORE_TEST));

    private PeriodReports() {
    }

    public static PeriodReport build(HistoryQueries q, ReportRequest r, Instant now) {
        Instant from = r.from();
        Instant to = r.to();
        Instant first = checkPeriod(q, from, to, now);
        ReportScope scope = r.scope();
        Map<String, RuleInfo> infos = new HashMap<>();
        r.rules().forEach(i -> infos.put(i.name(), i));
        long t0 = System.nanoTime();
        // The posture log is read on a thread of its own while the period is judged by table in parts at once, each
        // replaying its tables from the findings open at the start; the tag scope, which needs the posture, comes last.
        CompletableFuture<PostureScan> postureRead = background("report-posture", () -> PostureScan.of(q, from, to, scope));
        Selection selected = new Selection(scope, infos);
        Map<FindingKey, PairTrack> tracks = new HashMap<>();
        List<RestoreEvidence> restores = new ArrayList<>();
        for (Part part : q.replayByTable(from, to, filter(scope), DETAIL, PARTS, () -> new Part(selected, from))) {
            tracks.putAll(part.tracks);
            restores.addAll(part.restores);
        }
        long changed = System.nanoTime();
        PostureScan posture = join(postureRead);
        long postured = System.nanoTime();
        PairTrack[] inScope = tracks.values().stream().filter(t -> t != OUT && posture.matchesTags(scope, t.key()))
                .toArray(PairTrack[]::new);
        java.util.Arrays.parallelSort(inScope, Comparator.comparing(PairTrack::key, TableKeys.KEY_ORDER));
        List<PairTrack> ordered = List.of(inScope);
        ordered.forEach(t -> t.finish(to));
        Set<String> tables = new HashSet<>();
        ordered.forEach(t -> tables.add(t.tableKey()));
        List<PostureEntry> changes = posture.log(tables);
        List<StorageEntry> storage = posture.storage(tables);
        if (!scope.tags().isEmpty()) {
            restores.removeIf(e -> !posture.matchesTags(scope, e.account(), e.region(), e.table()));
        }
        // Two passes over the finished tracks, each only reading them: the summaries beside the sections.
        CompletableFuture<Summaries> summing = background("report-summaries",
                () -> Summaries.of(ordered, infos, scope, from, to));
        Sections sections = Sections.of(ordered, from, to);
        Summaries summaries = join(summing);
        if (LOG.isDebugEnabled()) {
            LOG.debug("report {} to {}: {} pairs; the parts replayed in {} ms, posture waited for {} ms, sections and"
                    + " summaries {} ms", from, to, ordered.size(), ms(t0, changed), ms(changed, postured),
                    ms(postured, System.nanoTime()));
        }
        Optional<Stored<Instant>> last = q.lastFindingRecordBefore(to);
        Citation head = last.map(s -> new Citation(s.seq(), s.hash())).orElse(new Citation(0, NO_HASH));
        Instant asOf = last.map(Stored::record).orElse(first);
        List<String> notes = notes(scope, storage);
        ReportCover cover = new ReportCover("Backup posture report", from, to, java.time.Duration.between(from, to).getSeconds(),
                scope, r.version(), asOf, head, tables.size(), summaries.rules().size(), notes);
        restores.sort(Comparator.comparing((RestoreEvidence e) -> new FindingKey(e.rule(), e.account(), e.region(), e.table()),
                TableKeys.KEY_ORDER).thenComparing(RestoreEvidence::at).thenComparing(e -> e.record().seq()));
        return new PeriodReport(cover, summaries.rules(), summaries.frameworks(), sections.times(), sections.violations(),
                sections.exemptions(), restores, changes, storage);
    }

    /**
     * Throws the {@link ReportException} that {@link #build} would for a period it cannot report: cheap, so a
     * {@code HEAD} can answer as the {@code GET} would without building the report. Returns the history's first
     * instant.
     */
    public static Instant checkPeriod(HistoryQueries q, Instant from, Instant to, Instant now) {
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
        return first;
    }

    private static <T> CompletableFuture<T> background(String name, java.util.function.Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        });
    }

    /** The result of a background read, or what it threw. */
    private static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static long ms(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static List<String> notes(ReportScope scope, List<StorageEntry> storage) {
        List<String> notes = new ArrayList<>();
        notes.add("Times are in whole seconds: each change of status counts from the whole second of the period it"
                + " falls in (the time since the period's start, truncated), so a rule and table's times add up to"
                + " the period exactly; UNKNOWN time is reported as such and never counted compliant; not observed"
                + " is time with no finding for the rule and table.");
        notes.add("Tables in scope are those judged during the period by a rule in scope; the posture changes and"
                + " storage sections list only these tables.");
        if (!scope.tags().isEmpty()) {
            notes.add("Tags are matched against each table's tags as last recorded in the history before the period's"
                    + " end (posture aspect TABLE_TAGS); a table whose tags were never recorded matches no tag filter.");
        }
        if (storage.isEmpty()) {
            notes.add("Storage: the history holds no backup storage records (posture aspect BACKUP_STORAGE) for the"
                    + " tables in scope, so the storage section is empty.");
        }
        return notes;
    }

    private static void restore(List<RestoreEvidence> out, Stored<FindingChange> s, Instant at, boolean atStart) {
        FindingChange c = s.record();
        if (c.status() != null && RESTORE_TEST.equals(c.check())) {
            FindingKey k = c.key();
            FindingChange.Words w = c.words();
            out.add(new RestoreEvidence(k.rule(), k.account(), k.region(), k.table(), at, atStart, c.status(),
                    w.observed(), w.expected(), w.message(), cite(s)));
        }
    }

    /** The database narrows by one account or region; several are filtered here. */
    private static Filter filter(ReportScope scope) {
        String account = scope.accounts().size() == 1 ? scope.accounts().get(0) : null;
        String region = scope.regions().size() == 1 ? scope.regions().get(0) : null;
        String rule = scope.rules().size() == 1 ? scope.rules().get(0) : null;
        return new Filter(rule, account, region, null);
    }

    /** How many parts the period is judged in at once: the history's pool has four connections, two are left. */
    private static final int PARTS = 2;

    /**
     * Judges one part of the tables on that part's reading thread: one track per (rule, table) in scope, and
     * {@link #OUT} for a pair outside it, so the scope is tested once per pair.
     */
    private static final class Part implements HistoryQueries.PeriodPart {
        private final Selection selected;
        private final Instant from;
        final Map<FindingKey, PairTrack> tracks = new HashMap<>();
        final List<RestoreEvidence> restores = new ArrayList<>();

        Part(Selection selected, Instant from) {
            this.selected = selected;
            this.from = from;
        }

        @Override
        public void start(Map<FindingKey, Stored<FindingChange>> open) {
            for (Map.Entry<FindingKey, Stored<FindingChange>> e : open.entrySet()) {
                FindingKey k = e.getKey();
                PairTrack track = selected.test(k) ? new PairTrack(k, from) : OUT;
                tracks.put(k, track);
                if (track != OUT) {
                    Stored<FindingChange> s = e.getValue();
                    track.startWith(s.record(), cite(s));
                    FindingChange.Words w = s.record().words();
                    restore(restores, s, w == null ? null : w.evaluatedAt(), true);
                }
            }
        }

        @Override
        public void accept(Stored<FindingChange> s) {
            FindingChange c = s.record();
            PairTrack t = tracks.get(c.key());
            if (t == null) {
                t = selected.test(c.key()) ? new PairTrack(c.key(), from) : OUT;
                tracks.put(c.key(), t);
            }
            if (t != OUT) {
                t.change(c, s.seq(), s.hash());
                restore(restores, s, c.at(), false);
            }
        }
    }

    private static Citation cite(Stored<?> s) {
        return new Citation(s.seq(), s.hash());
    }

    /** Whether a (rule, table) is in the scope by its target and its rule (by name or framework); tags come later. */
    private record Selection(ReportScope scope, Map<String, RuleInfo> infos) {
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
            return true;
        }
    }
}
