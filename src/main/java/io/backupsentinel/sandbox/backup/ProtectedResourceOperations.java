package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.RestoreJob;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ListProtectedResources and DescribeProtectedResource. As in AWS, a resource is listed only once it has
 * been backed up successfully: its newest recovery point in a finished state (not CREATING, PARTIAL or
 * STOPPED) gives LastBackupTime, LastBackupVaultArn and LastRecoveryPointArn. The Latest restore fields
 * come from the newest COMPLETED restore job of the resource.
 */
final class ProtectedResourceOperations {
    /** Recovery point states of a backup that succeeded (EXPIRED and DELETING points once were complete). */
    static final Set<String> SUCCEEDED = Set.of("COMPLETED", "AVAILABLE", "EXPIRED", "DELETING");

    private ProtectedResourceOperations() {
    }

    static void register(Map<String, Operation> ops) {
        ops.put("ListProtectedResources", ProtectedResourceOperations::list);
        ops.put("DescribeProtectedResource", ProtectedResourceOperations::describe);
    }

    static ObjectNode list(BackupCall call) {
        // Resources in ARN order, each summarised by its newest successful point (its points are newest first),
        // so a page walks only its own resources.
        return call.sortedListResponse(PageParams.LOWER, call.region().recoveryPoints().byResource(),
                points -> latestSucceeded(points) != null, "Results", points -> summary(latestSucceeded(points)));
    }

    static ObjectNode describe(BackupCall call) {
        String arn = call.label("resourceArn");
        if (!ResourceArns.looksLikeArn(arn)) {
            throw BackupErrors.invalidParameter("ResourceArn", "ResourceArn '" + arn + "' is not an ARN");
        }
        RegionView view = call.view();
        RecoveryPoint last = view.recoveryPointsOf(arn).stream().filter(rp -> SUCCEEDED.contains(rp.status()))
                .max(Comparator.comparing(RecoveryPoint::created))
                .orElseThrow(() -> BackupErrors.resourceNotFound("ResourceArn",
                        "Resource " + arn + " has not been backed up by AWS Backup in " + call.context().regionName()));
        ObjectNode out = summary(last);
        latestRestore(view, arn).ifPresent(job -> {
            if (job.completed() != null) {
                out.put("LatestRestoreExecutionTimeMinutes",
                        Duration.between(job.created(), job.completed()).toMinutes());
            }
            Wire.put(out, "LatestRestoreJobCreationDate", job.created());
            Wire.put(out, "LatestRestoreRecoveryPointCreationDate",
                    view.recoveryPoint(job.recoveryPointArn()).map(RecoveryPoint::created).orElse(null));
        });
        return out;
    }

    private static RecoveryPoint latestSucceeded(java.util.NavigableMap<String, RecoveryPoint> newestFirst) {
        for (RecoveryPoint rp : newestFirst.values()) {
            if (SUCCEEDED.contains(rp.status())) {
                return rp;
            }
        }
        return null;
    }

    private static Optional<RestoreJob> latestRestore(RegionView view, String resourceArn) {
        return view.region().restoreJobs().values().stream()
                .filter(j -> "COMPLETED".equals(j.status()))
                .filter(j -> view.sourceOf(j).map(resourceArn::equals).orElse(false))
                .max(Comparator.comparing(RestoreJob::created));
    }

    private static ObjectNode summary(RecoveryPoint rp) {
        ObjectNode n = Wire.object();
        n.put("ResourceArn", rp.resourceArn());
        Wire.put(n, "ResourceType", ResourceArns.type(rp.resourceArn()));
        Wire.put(n, "LastBackupTime", rp.created());
        Wire.put(n, "ResourceName", rp.resourceName() != null ? rp.resourceName() : ResourceArns.name(rp.resourceArn()));
        n.put("LastBackupVaultArn", rp.vaultArn());
        n.put("LastRecoveryPointArn", rp.arn());
        return n;
    }
}
