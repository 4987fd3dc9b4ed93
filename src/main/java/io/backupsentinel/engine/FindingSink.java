package io.backupsentinel.engine;

import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Transition;
import io.backupsentinel.rule.RuleSet;

import java.util.List;

/**
 * Where the daemon's results go: the history (transitions, posture changes and the alert outbox), metrics,
 * logs. Called from the thread that evaluated or collected; implementations must not throw for their own
 * faults (a metrics or history failure must not stop the evaluation of other rules).
 */
public interface FindingSink {
    /**
     * One rule was evaluated on one account-region: its current findings there, and the transitions since the
     * previous evaluation (status changes only; a finding whose status stayed is in {@code findings} alone).
     */
    void evaluated(String rule, Target target, List<Finding> findings, List<Transition> transitions);

    /**
     * A collection of one account-region starts, for these rules; {@link #collected} follows with a run whose
     * {@code startedAt} is {@code started}. For showing collections in progress.
     *
     * @param onlyTables the tables a re-check is limited to; null when every table in the rules' scope is asked
     */
    default void collecting(Target target, java.util.List<String> rules, java.util.Set<String> onlyTables,
                            java.time.Instant started) {
    }

    /**
     * New facts of one account-region arrived, collected for these rules.
     *
     * @param onlyTables the tables a re-check was limited to; null when every table in the rules' scope was asked
     */
    default void collected(RegionSnapshot snapshot, RuleSet rules, java.util.Set<String> onlyTables, AuditRun run) {
    }

    /**
     * How long judging one rule on one account-region took ({@link #evaluated} follows): the rule's checks
     * against the facts held, with no AWS call.
     */
    default void judged(String rule, Target target, java.time.Duration took) {
    }

    /** A new rule set is in force. */
    default void rulesChanged(RuleSet rules) {
    }

    FindingSink NONE = (rule, target, findings, transitions) -> { };
}
