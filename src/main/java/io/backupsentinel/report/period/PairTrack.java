package io.backupsentinel.report.period;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Walks one (rule, table)'s statuses through the period: time in each status (null status: not observed),
 * the NON_COMPLIANT intervals and the EXEMPT intervals, from the finding open at the period's start and the
 * transitions in order. Time is kept in nanoseconds and truncated to seconds only when reported.
 */
final class PairTrack {
    private final FindingKey key;
    private final Instant from;
    private final Map<Status, Long> nanos = new EnumMap<>(Status.class);
    private long unobservedNanos;
    private Finding current;
    private Instant since;
    private Opened violation;
    private Opened exemption;
    private final List<Violation> violations = new ArrayList<>();
    private final List<ExemptionPeriod> exemptions = new ArrayList<>();
    private String check;
    private Severity severity;

    /** An interval that began with {@code finding} at {@code start}, cited by {@code by}. */
    private record Opened(Finding finding, Instant start, Citation by) {
    }

    PairTrack(FindingKey key, Instant from) {
        this.key = key;
        this.from = from;
        this.since = from;
    }

    /** The finding open at the period's start, set by the record {@code by} (before the period). */
    void startWith(Finding f, Citation by) {
        current = f;
        remember(f);
        open(f, f.evaluatedAt(), by);
    }

    /** A transition in the period to {@code next} (null: closed) at {@code at}. */
    void change(Finding next, Instant at, Citation by) {
        account(at);
        Status was = current == null ? null : current.status();
        Status now = next == null ? null : next.status();
        if (was == Status.NON_COMPLIANT && now != Status.NON_COMPLIANT) {
            violations.add(violation(violation, at, by, null));
            violation = null;
        }
        if (was == Status.EXEMPT && now != Status.EXEMPT) {
            exemptions.add(exemption(exemption, at, by, null));
            exemption = null;
        }
        current = next;
        since = at;
        if (next != null) {
            remember(next);
            if (was != now) {
                open(next, at, by);
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

    private void open(Finding f, Instant at, Citation by) {
        if (f.status() == Status.NON_COMPLIANT) {
            violation = new Opened(f, at, by);
        } else if (f.status() == Status.EXEMPT) {
            exemption = new Opened(f, at, by);
        }
    }

    private void remember(Finding f) {
        check = f.check();
        severity = f.severity();
    }

    private void account(Instant until) {
        long d = Duration.between(since, until).toNanos();
        if (current == null) {
            unobservedNanos += d;
        } else {
            nanos.merge(current.status(), d, Long::sum);
        }
    }

    private Violation violation(Opened o, Instant end, Citation closed, Instant periodEnd) {
        Finding f = o.finding();
        Instant stop = end == null ? periodEnd : end;
        Instant inStart = o.start().isBefore(from) ? from : o.start();
        return new Violation(key.rule(), key.account(), key.region(), key.table(), f.severity(), o.start(), end,
                end == null, o.start().isBefore(from), Duration.between(o.start(), stop).getSeconds(),
                Duration.between(inStart, stop).getSeconds(), f.observed(), f.expected(), f.message(), o.by(), closed);
    }

    private ExemptionPeriod exemption(Opened o, Instant end, Citation closed, Instant periodEnd) {
        Instant stop = end == null ? periodEnd : end;
        Instant inStart = o.start().isBefore(from) ? from : o.start();
        ExemptionText text = ExemptionText.parse(o.finding().message()).orElse(null);
        ExemptionPeriod.State state;
        if (end == null) {
            state = ExemptionPeriod.State.IN_FORCE;
        } else if (text != null && !end.isBefore(text.expires().atStartOfDay(ZoneOffset.UTC).toInstant())) {
            state = ExemptionPeriod.State.EXPIRED;
        } else {
            state = ExemptionPeriod.State.ENDED;
        }
        return new ExemptionPeriod(key.rule(), key.account(), key.region(), key.table(),
                text == null ? null : text.approver(), text == null ? o.finding().message() : text.reason(),
                text == null ? null : text.expires(), o.start(), end, state,
                Duration.between(inStart, stop).getSeconds(), text == null ? null : text.statusWithout(), o.by(), closed);
    }

    FindingKey key() {
        return key;
    }

    String check() {
        return check;
    }

    Severity severity() {
        return severity;
    }

    long nanos(Status s) {
        return nanos.getOrDefault(s, 0L);
    }

    long unobservedNanos() {
        return unobservedNanos;
    }

    Status statusAtEnd() {
        return current == null ? null : current.status();
    }

    List<Violation> violations() {
        return violations;
    }

    List<ExemptionPeriod> exemptions() {
        return exemptions;
    }
}
