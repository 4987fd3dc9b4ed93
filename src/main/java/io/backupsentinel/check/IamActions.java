package io.backupsentinel.check;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The IAM actions behind each kind of fact, so that every check that reads a fact asks for the same
 * permissions and {@code iam-policy} stays least-privilege.
 */
final class IamActions {
    static final List<String> PITR = List.of("dynamodb:DescribeContinuousBackups");
    static final List<String> ON_DEMAND_BACKUPS = List.of("dynamodb:ListBackups");
    /** Recovery points are listed per vault (one paged listing for every table), so the vaults are listed first. */
    static final List<String> RECOVERY_POINTS = List.of("backup:ListBackupVaults",
            "backup:ListRecoveryPointsByBackupVault");
    static final List<String> EXPORTS = List.of("dynamodb:ListExports", "dynamodb:DescribeExport");
    static final List<String> PLANS = List.of("backup:ListBackupPlans", "backup:GetBackupPlan",
            "backup:ListBackupSelections", "backup:GetBackupSelection");
    /** ListBackupVaults carries the lock, retention and key fields; no DescribeBackupVault per vault is needed. */
    static final List<String> VAULTS = List.of("backup:ListBackupVaults");
    static final List<String> BACKUP_JOBS = List.of("backup:ListBackupJobs");
    static final List<String> COPY_JOBS = List.of("backup:ListCopyJobs");
    static final List<String> RESTORE_JOBS = List.of("backup:ListRestoreJobs");
    /** Table tags, which tag-based backup selections are matched against. */
    static final List<String> TAGS = List.of("tag:GetResources");

    private IamActions() {
    }

    @SafeVarargs
    static List<String> of(List<String>... groups) {
        Set<String> all = new LinkedHashSet<>();
        for (List<String> g : groups) {
            all.addAll(g);
        }
        return List.copyOf(all);
    }
}
