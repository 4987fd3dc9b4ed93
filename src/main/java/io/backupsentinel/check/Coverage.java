package io.backupsentinel.check;

import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.BackupSelection;
import io.backupsentinel.model.TableRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A backup plan that covers a table, through which of its selections and how ("by ARN", "by tag
 * copy=none", ...), as {@link SelectionMatcher} decides. One entry per plan: its first selection that matches.
 */
public record Coverage(BackupPlan plan, BackupSelection selection, String how) {
    /** The plans of {@code plans} that select the table, in the order given. */
    public static List<Coverage> of(List<BackupPlan> plans, TableRef table, Map<String, String> tags) {
        // Globs match without compiled patterns, so each check works this out afresh rather than share a cache.
        List<Coverage> out = new ArrayList<>(1);
        for (BackupPlan plan : plans) {
            for (BackupSelection s : plan.selections()) {
                Optional<String> how = SelectionMatcher.match(s, table.arn(), tags);
                if (how.isPresent()) {
                    out.add(new Coverage(plan, s, how.get()));
                    break;
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** e.g. "gold-plan (selection gold-tables by ARN)". */
    public String describe() {
        return plan.name() + " (selection " + selection.name() + " " + how + ")";
    }

    static String describeAll(List<Coverage> coverages) {
        return coverages.stream().map(Coverage::describe).collect(Collectors.joining("; "));
    }
}
