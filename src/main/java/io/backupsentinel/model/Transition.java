package io.backupsentinel.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A change in one (rule, table)'s status: the first verdict ({@link Kind#OPENED}, {@code previous} null), a
 * new status ({@link Kind#CHANGED}), or the end of the pair ({@link Kind#CLOSED}, {@code current} null: the
 * table was deleted, left the rule's scope, or the rule was removed). A finding's history is the sequence of
 * its transitions, so the time spent in each status is the time between them.
 *
 * @param previous the finding before, null when opened
 * @param current  the finding now, null when closed
 * @param at       when the change was observed
 */
public record Transition(FindingKey key, Finding previous, Finding current, Instant at) {
    public enum Kind { OPENED, CHANGED, CLOSED }

    public Transition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        if (previous == null && current == null) {
            throw new IllegalArgumentException("a transition has a previous or a current finding");
        }
    }

    public static Transition opened(Finding current) {
        return new Transition(FindingKey.of(current), null, current, current.evaluatedAt());
    }

    public static Transition changed(Finding previous, Finding current) {
        return new Transition(FindingKey.of(current), previous, current, current.evaluatedAt());
    }

    public static Transition closed(Finding previous, Instant at) {
        return new Transition(FindingKey.of(previous), previous, null, at);
    }

    public Kind kind() {
        return previous == null ? Kind.OPENED : current == null ? Kind.CLOSED : Kind.CHANGED;
    }

    /** The status before; null when opened. */
    public Status from() {
        return previous == null ? null : previous.status();
    }

    /** The status now; null when closed. */
    public Status to() {
        return current == null ? null : current.status();
    }

    /** The finding that describes the pair: the current one, or the last one before it closed. */
    public Finding latest() {
        return current != null ? current : previous;
    }
}
