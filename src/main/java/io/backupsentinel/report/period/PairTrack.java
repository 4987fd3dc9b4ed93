package io.backupsentinel.report.period;

import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.store.FindingChange;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks one (rule, table)'s statuses through the period: time in each status (null status: not observed),
 * the NON_COMPLIANT intervals and the EXEMPT intervals, from the finding open at the period's start and the
 * transitions in order. Time is kept in nanoseconds and truncated to seconds only when reported.
 */
final class PairTrack {
    private final FindingKey key;
    private final Instant from;
    /** Nanoseconds spent in each status, by {@link Status#ordinal()}. */
    private final long[] nanos = new long[Status.values().length];
    private long unobservedNanos;
    /** The status now; null while no finding is open (not observed). */
    private Status current;
    private Instant since;
    private Opened violation;
    private Opened exemption;
    private final List<Violation> violations = new ArrayList<>();
    private final List<ExemptionPeriod> exemptions = new ArrayList<>();
    private String check;
    private String tableKey;
    private Severity severity;

    /** An interval that began at {@code start} with a finding of these words and severity, cited by {@code by}. */
    private record Opened(FindingChange.Words words, Severity severity, Instant start, Citation by) {
    }

    PairTrack(FindingKey key, Instant from) {
        this.key = key;
        this.from = from;
        this.since = from;
    }

    /** The finding open at the period's start, set by the record {@code by} (before the period). */
    void startWith(FindingChange f, Citation by) {
        current = f.status();
        remember(f);
        open(f, f.words() == null ? f.at() : f.words().evaluatedAt(), by.seq(), by.hash());
    }

    /**
     * A transition in the period (a null status: the finding was closed), the record {@code seq} with
     * {@code hash}: cited when it opens or closes an interval.
     */
    void change(FindingChange next, long seq, String hash) {
        Instant at = next.at();
        account(at);
        Status was = current;
        Status now = next.status();
        if (was == Status.NON_COMPLIANT && now != Status.NON_COMPLIANT) {
            violations.add(violation(violation, at, new Citation(seq, hash), null));
            violation = null;
        }
        if (was == Status.EXEMPT && now != Status.EXEMPT) {
            exemptions.add(exemption(exemption, at, new Citation(seq, hash), null));
            exemption = null;
        }
        current = now;
        since = at;
        if (now != null) {
            remember(next);
            if (was != now) {
                open(next, at, seq, hash);
            }
        }
    }

    /** Closes the books at the period's end. */
    void finish(Instant to) {
        account(to);
        if (violation != null) {
            violations.add(violation(violation, null, null, to));
        }
        if (exemption != null) {
            exemptions.add(exemption(exemption, null, null, to));
        }
    }

    /** Opens a violation or an exemption at {@code at}, cited by the record {@code seq} (made only then). */
    private void open(FindingChange f, Instant at, long seq, String hash) {
        if (f.status() == Status.NON_COMPLIANT) {
            violation = new Opened(words(f), f.severity(), at, new Citation(seq, hash));
        } else if (f.status() == Status.EXEMPT) {
            exemption = new Opened(words(f), f.severity(), at, new Citation(seq, hash));
        }
    }

    /** The words of a change that opens a violation or exemption, which the query was asked for. */
    private static FindingChange.Words words(FindingChange f) {
        if (f.words() == null) {
            throw new IllegalStateException("the history query did not read the words of " + f.key() + " at " + f.at()
                    + " (" + f.status() + "): PeriodReports.DETAIL must name every status that opens an interval");
        }
        return f.words();
    }

    private void remember(FindingChange f) {
        check = f.check();
        severity = f.severity();
    }

    private void account(Instant until) {
        // Duration.between(since, until).toNanos(), without a Duration per change.
        long d = (until.getEpochSecond() - since.getEpochSecond()) * 1_000_000_000L + (until.getNano() - since.getNano());
        if (current == null) {
            unobservedNanos += d;
        } else {
            nanos[current.ordinal()] += d;
        }
    }

    /** {@code Duration.between(a, b).getSeconds()}: whole seconds, rounded down, without a Duration. */
    static long seconds(Instant a, Instant b) {
        long s = b.getEpochSecond() - a.getEpochSecond();
        return b.getNano() < a.getNano() ? s - 1 : s;
    }

    private Violation violation(Opened o, Instant end, Citation closed, Instant periodEnd) {
        FindingChange.Words f = o.words();
        Instant stop = end == null ? periodEnd : end;
        Instant inStart = o.start().isBefore(from) ? from : o.start();
        return new Violation(key.rule(), key.account(), key.region(), key.table(), o.severity(), o.start(), end,
                end == null, o.start().isBefore(from), seconds(o.start(), stop),
                seconds(inStart, stop), f.observed(), f.expected(), f.message(), o.by(), closed);
    }

    private ExemptionPeriod exemption(Opened o, Instant end, Citation closed, Instant periodEnd) {
        Instant stop = end == null ? periodEnd : end;
        Instant inStart = o.start().isBefore(from) ? from : o.start();
        ExemptionText text = ExemptionText.parse(o.words().message()).orElse(null);
        ExemptionPeriod.State state;
        if (end == null) {
            state = ExemptionPeriod.State.IN_FORCE;
        } else if (text != null && !end.isBefore(text.expires().atStartOfDay(ZoneOffset.UTC).toInstant())) {
            state = ExemptionPeriod.State.EXPIRED;
        } else {
            state = ExemptionPeriod.State.ENDED;
        }
        return new ExemptionPeriod(key.rule(), key.account(), key.region(), key.table(),
                text == null ? null : text.approver(), text == null ? o.words().message() : text.reason(),
                text == null ? null : text.expires(), o.start(), end, state,
                seconds(inStart, stop), text == null ? null : text.statusWithout(), o.by(), closed);
    }

    FindingKey key() {
        return key;
    }

    /** The table's map key ({@link TableKeys#of}), made once. */
    String tableKey() {
        if (tableKey == null) {
            tableKey = TableKeys.of(key.account(), key.region(), key.table());
        }
        return tableKey;
    }

    String check() {
        return check;
    }

    Severity severity() {
        return severity;
    }

    long nanos(Status s) {
        return nanos[s.ordinal()];
    }

    long unobservedNanos() {
        return unobservedNanos;
    }

    Status statusAtEnd() {
        return current;
    }

    List<Violation> violations() {
        return violations;
    }

    List<ExemptionPeriod> exemptions() {
        return exemptions;
    }
}
