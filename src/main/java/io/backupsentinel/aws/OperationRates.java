package io.backupsentinel.aws;

import java.util.Map;

/**
 * The operations the collector calls and the client-side rate (calls per second, per account-region)
 * each starts with. Where the AWS API reference publishes a rate we use it (DescribeContinuousBackups,
 * DescribeBackup and ListTagsOfResource about 10/s, ListBackups 5/s); elsewhere AWS publishes none and
 * the operations are listings called a few times per sweep, so a generous 20/s never limits a sweep.
 */
final class OperationRates {
    static final double UNPUBLISHED = 20.0;
    /**
     * DescribeTable is a control-plane call, throttled by AWS above 2,500 control-plane requests/s per account
     * and region ("Best practices for managing the control plane"); we pace it like DescribeContinuousBackups
     * so that it never crowds the account's own control-plane calls. It is made at most daily per table, and in
     * parallel with DescribeContinuousBackups, so it does not lengthen a sweep.
     */
    static final double DESCRIBE_TABLE = 10.0;

    static final Map<String, Double> DEFAULTS = Map.ofEntries(
            Map.entry("DescribeContinuousBackups", 10.0),
            Map.entry("DescribeTable", DESCRIBE_TABLE),
            Map.entry("ListBackups", 5.0),
            Map.entry("ListTables", UNPUBLISHED),
            Map.entry("ListExports", UNPUBLISHED),
            Map.entry("DescribeExport", UNPUBLISHED),
            Map.entry("GetResources", UNPUBLISHED),
            Map.entry("ListBackupPlans", UNPUBLISHED),
            Map.entry("GetBackupPlan", UNPUBLISHED),
            Map.entry("ListBackupSelections", UNPUBLISHED),
            Map.entry("GetBackupSelection", UNPUBLISHED),
            Map.entry("ListBackupVaults", UNPUBLISHED),
            Map.entry("ListRecoveryPointsByBackupVault", UNPUBLISHED),
            Map.entry("ListBackupJobs", UNPUBLISHED),
            Map.entry("ListCopyJobs", UNPUBLISHED),
            Map.entry("ListRestoreJobs", UNPUBLISHED));

    private OperationRates() {
    }

    static double defaultRate(String operation) {
        Double r = DEFAULTS.get(operation);
        if (r == null) {
            throw new IllegalArgumentException("no rate known for operation " + operation);
        }
        return r;
    }
}
