package io.backupsentinel.web.runbook;

import io.backupsentinel.model.TableFacts;

import java.util.List;

/**
 * Which backup plan selections cover a table. Deciding it is the checks' business (tag and condition matching
 * as AWS Backup does it), and {@code web} may not import {@code check}; so {@code cli} passes an implementation
 * built on the checks' coverage, and the runbook only reads the answer.
 */
@FunctionalInterface
public interface PlanCoverage {
    /** No coverage information: the runbook says the role is not known. */
    PlanCoverage UNKNOWN = facts -> List.of();

    /** The selections covering {@code facts.table()}, one per plan, in plan order; empty when none is known. */
    List<CoveringSelection> covering(TableFacts facts);
}
