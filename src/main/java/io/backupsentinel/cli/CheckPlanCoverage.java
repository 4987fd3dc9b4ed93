package io.backupsentinel.cli;

import io.backupsentinel.check.Coverage;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.web.runbook.CoveringSelection;
import io.backupsentinel.web.runbook.PlanCoverage;

import java.util.List;

/**
 * The runbook's plan coverage, decided by the checks' own {@link Coverage} (tags, conditions and ARN patterns
 * matched as AWS Backup does), so the restore role the runbook names comes from the selection the checks saw.
 * Lives in {@code cli} because {@code web} may not import {@code check}.
 */
public final class CheckPlanCoverage implements PlanCoverage {
    @Override
    public List<CoveringSelection> covering(TableFacts facts) {
        if (!facts.plans().known() || facts.tags() == null) {
            return List.of();
        }
        return Coverage.of(facts.plans().value(), facts.table(), facts.tags()).stream()
                .map(c -> new CoveringSelection(c.plan().name(), c.selection().name(), c.selection().iamRoleArn(),
                        c.how()))
                .toList();
    }
}
