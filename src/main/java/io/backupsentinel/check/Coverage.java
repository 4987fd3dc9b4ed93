package io.backupsentinel.check;

import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.BackupSelection;
import io.backupsentinel.model.TableRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A backup plan that covers a table, through which of its selections and how ("by ARN", "by tag
 * copy=none", ...), as {@link SelectionMatcher} decides. One entry per plan: its first selection that matches.
 */
public record Coverage(BackupPlan plan, BackupSelection selection, String how) {
    /**
     * The last answer on this thread. The backup_plan, copy and vault checks of one table ask the same question
     * in turn (the evaluator judges a table's rules on one thread), and facts are immutable and a region's
     * plans shared by reference, so an answer keyed by the identities of the inputs stays right.
     */
    private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

    private record Last(List<BackupPlan> plans, TableRef table, Map<String, String> tags, List<Coverage> coverage) {
        boolean answers(List<BackupPlan> p, TableRef t, Map<String, String> g) {
            return plans == p && table == t && tags == g;
        }
    }

    /** The plans of {@code plans} that select the table, in the order given. */
    public static List<Coverage> of(List<BackupPlan> plans, TableRef table, Map<String, String> tags) {
        Last last = LAST.get();
        if (last != null && last.answers(plans, table, tags)) {
            return last.coverage();
        }
        List<Coverage> coverage = List.copyOf(compute(plans, table, tags));
        LAST.set(new Last(plans, table, tags, coverage));
        return coverage;
    }

    private static List<Coverage> compute(List<BackupPlan> plans, TableRef table, Map<String, String> tags) {
        List<Coverage> out = new ArrayList<>();
        for (BackupPlan plan : plans) {
            for (BackupSelection s : plan.selections()) {
                Optional<String> how = SelectionMatcher.match(s, table.arn(), tags);
                if (how.isPresent()) {
                    out.add(new Coverage(plan, s, how.get()));
                    break;
                }
            }
        }
        return out;
    }

    /** e.g. "gold-plan (selection gold-tables by ARN)". */
    public String describe() {
        return plan.name() + " (selection " + selection.name() + " " + how + ")";
    }

    static String describeAll(List<Coverage> coverages) {
        return coverages.stream().map(Coverage::describe).collect(Collectors.joining("; "));
    }
}
