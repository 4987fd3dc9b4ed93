package io.backupsentinel.engine;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the status page shows about one table, as plain values worked out by the engine from the rules and
 * the merged facts (so that the page needs neither {@code rule} nor {@code check}).
 *
 * @param facts     the latest merged facts of every kind; null until a collection returned the table (after a
 *                  restart only the findings kept by the history are known)
 * @param findings  every rule's current finding of the table, by rule name
 * @param sources   the newest point of each recovery source, then {@code effective}, the youngest of them
 * @param rpo       the table's RPO target, null when no rpo rule holds it
 * @param schedule  the AWS Backup plan rules that cover the table; empty when plans are unknown or none
 * @param scheduleCause why plans are unknown; null when they are known
 * @param restores  the table's restore jobs, newest first
 * @param restoresCause why restore jobs are unknown; null when they are known
 * @param rto       the table's RTO from its restore_test rules, null when none sets one
 */
public record TableDetail(TableRef table, Map<String, String> tags, TableFacts facts, List<Finding> findings,
                          List<SourceAge> sources, Duration rpo, List<ScheduleEntry> schedule, String scheduleCause,
                          List<RestoreTest> restores, String restoresCause, Duration rto) {
    public TableDetail {
        tags = Map.copyOf(tags);
        findings = List.copyOf(findings);
        sources = List.copyOf(sources);
        schedule = List.copyOf(schedule);
        restores = List.copyOf(restores);
    }

    public Optional<TableFacts> collected() {
        return Optional.ofNullable(facts);
    }

    /**
     * The newest restorable point of one source ({@code pitr}, {@code on_demand}, {@code aws_backup},
     * {@code export}, or {@code effective}).
     *
     * @param at    the point's time; null when there is none or it is unknown
     * @param where which backup it is (vault, bucket, backup name); null when none
     * @param cause why it is unknown; null when known
     */
    public record SourceAge(String source, Instant at, String where, String cause) {
        public boolean known() {
            return cause == null;
        }

        /** now − at, never negative; empty when there is no point. */
        public Optional<Duration> age(Instant now) {
            if (at == null) {
                return Optional.empty();
            }
            Duration d = Duration.between(at, now);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        }
    }

    /**
     * One rule of an AWS Backup plan that covers the table.
     *
     * @param how         how the plan's selection picks the table, e.g. "by ARN"
     * @param schedule    the cron or rate expression; null for a rule without one
     * @param deleteAfterDays retention; null when kept forever
     * @param copyTo      the copy destinations' vault ARNs, each with its retention
     */
    public record ScheduleEntry(String plan, String selection, String how, String rule, String schedule,
                                String timezone, boolean continuous, String vault, Long deleteAfterDays,
                                Long coldAfterDays, List<String> copyTo) {
        public ScheduleEntry {
            copyTo = List.copyOf(copyTo);
        }
    }

    /**
     * One restore job of the table.
     *
     * @param took      completion − creation; null while running or when AWS gave no times
     * @param validation the validation status; null when never validated
     * @param testing   whether an AWS Backup restore testing plan started it
     */
    public record RestoreTest(String id, Instant started, Instant completed, Duration took, String status,
                              String validation, String message, boolean testing) {
    }
}
