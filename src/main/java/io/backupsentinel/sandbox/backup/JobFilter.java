package io.backupsentinel.sandbox.backup;

import java.time.Instant;
import java.util.Set;

/**
 * The filters ListBackupJobs and ListCopyJobs share (ByResourceArn, ByState, ByCreatedBefore/After,
 * ByResourceType, ByAccountId, ByCompleteBefore/After, ByParentJobId, ByMessageCategory) plus the 30-day
 * listing window, read from a call once and applied to each job's fields. Sandbox jobs have no parent jobs,
 * so a ByParentJobId matches none.
 */
record JobFilter(String resourceArn, String state, Instant createdBefore, Instant createdAfter, String resourceType,
                 String account, Instant completeBefore, Instant completeAfter, String parentJob, String category,
                 String ownAccount, Instant now) {

    /** Reads the filters, refusing malformed ones; {@code wildcardAccount}: whether ByAccountId may be *. */
    static JobFilter read(BackupCall call, Set<String> states, boolean wildcardAccount) {
        return new JobFilter(call.query("resourceArn"), call.queryEnum("state", states),
                call.queryTime("createdBefore"), call.queryTime("createdAfter"),
                call.query("resourceType", BackupCall.RESOURCE_TYPE), JobRules.accountFilter(call, wildcardAccount),
                call.queryTime("completeBefore"), call.queryTime("completeAfter"), call.query("parentJobId"),
                call.query("messageCategory"), call.region().account(), call.now());
    }

    boolean matches(String jobResourceArn, String jobState, String statusMessage, Instant created, Instant completed) {
        return JobRules.withinWindow(created, now)
                && (resourceArn == null || resourceArn.equals(jobResourceArn))
                && (state == null || state.equals(jobState))
                && JobRules.between(created, createdAfter, createdBefore)
                && (resourceType == null || resourceType.equals(ResourceArns.type(jobResourceArn)))
                && JobRules.accountMatches(account, ownAccount)
                && JobRules.between(completed, completeAfter, completeBefore)
                && parentJob == null
                && JobRules.categoryMatches(category, JobRules.messageCategory(jobState, statusMessage));
    }
}
