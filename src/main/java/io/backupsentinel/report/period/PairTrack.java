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
 * transitions in order.
 *
 * <p>Time is counted in whole seconds on the period's own clock: every instant is placed at the second of the
 * period it falls in ({@link #second}: the time since the period's start, truncated), and a duration is the
 * difference of two such seconds. So the statuses of a pair tile the period exactly (they add up to the
 * cover's {@code periodSeconds}), and a violation's seconds in the period are the non-compliant seconds it
 * adds to its row. Truncating each total instead lost up to a second per status.
 */
final class PairTrack {
    private final FindingKey key;
    private final Instant from;
    /** Seconds spent in each status, by {@link Status#ordinal()}. */
    private final long[] seconds = new long[Status.values().length];
    private long unobservedSeconds;
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
        long d = second(until) - second(since);
        if (current == null) {
            unobservedSeconds += d;
        } else {
            seconds[current.ordinal()] += d;
        }
    }

    /**
     * The second of the period {@code at} falls in: {@code Duration.between(from, at).getSeconds()}, rounded
     * down (negative before the period), without a Duration per change.
     */
    private long second(Instant at) {
        long s = at.getEpochSecond() - from.getEpochSecond();
        return at.getNano() < from.getNano() ? s - 1 : s;
    }

    private Violation violation(Opened o, Instant end, Citation closed, Instant periodEnd) {
        FindingChange.Words f = o.words();
        long stop = second(end == null ? periodEnd : end);
        long start = second(o.start());
        return new Violation(key.rule(), key.account(), key.region(), key.table(), o.severity(), o.start(), end,
                end == null, o.start().isBefore(from), stop - start, stop - Math.max(start, 0), f.observed(),
                f.expected(), f.message(), o.by(), closed);
    }

    private ExemptionPeriod exemption(Opened o, Instant end, Citation closed, Instant periodEnd) {
        long inPeriod = second(end == null ? periodEnd : end) - Math.max(second(o.start()), 0);
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
                inPeriod, text == null ? null : text.statusWithout(), o.by(), closed);
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

    long seconds(Status s) {
        return seconds[s.ordinal()];
    }

    long unobservedSeconds() {
        return unobservedSeconds;
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
