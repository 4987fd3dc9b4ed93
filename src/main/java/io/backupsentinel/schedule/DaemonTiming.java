package io.backupsentinel.schedule;

import io.backupsentinel.rule.Rule;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the daemon does what: {@code collectEvery} is the schedule of a rule that names none;
 * {@code evaluateEvery} re-judges every rule on the facts it holds (a safety net beside the deadlines);
 * {@code recheckEvery} re-collects the tables in breach of a freshness rule; {@code window} is how long a firing
 * rule waits for others to share its collection.
 */
public record DaemonTiming(Duration collectEvery, Duration evaluateEvery, Duration recheckEvery, Duration window) {
    public DaemonTiming {
        Objects.requireNonNull(collectEvery);
        Objects.requireNonNull(evaluateEvery);
        Objects.requireNonNull(recheckEvery);
        Objects.requireNonNull(window);
    }

    /** How often a rule's facts are collected: its own schedule's interval, or the default. */
    public Duration interval(Rule rule) {
        if (rule.schedule() == null) {
            return collectEvery;
        }
        return rule.schedule().every() != null ? rule.schedule().every() : CronGaps.longestGap(rule.schedule().cron());
    }

    /**
     * How old a rule's facts may be before its findings are UNKNOWN ("stale"): three of its intervals, so one
     * or two failed collections in a row are tolerated, and a dead region is reported within a bounded time.
     */
    public Duration staleAfter(Rule rule) {
        Duration interval = interval(rule);
        return interval.compareTo(Duration.ofDays(3650)) > 0 ? interval : interval.multipliedBy(3);
    }
}
