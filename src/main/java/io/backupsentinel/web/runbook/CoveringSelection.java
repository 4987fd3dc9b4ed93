package io.backupsentinel.web.runbook;

import java.util.Objects;

/**
 * A backup plan selection that assigns a table to its plan, as the checks decide it, reduced to what a runbook
 * needs: names to show and the IAM role AWS Backup assumes for that selection (null when not known).
 *
 * @param how e.g. "by tag backup=gold", for the reader
 */
public record CoveringSelection(String planName, String selectionName, String iamRoleArn, String how) {
    public CoveringSelection {
        Objects.requireNonNull(planName, "planName");
        Objects.requireNonNull(selectionName, "selectionName");
        Objects.requireNonNull(how, "how");
    }
}
