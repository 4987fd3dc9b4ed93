package io.backupsentinel.check;

import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RestoreJob;
import io.backupsentinel.model.TableFacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The restore jobs of one table. Restore jobs carry no ResourceArn: a job belongs to the table when its
 * SourceResourceArn is the table's ARN or, where that field is absent (older jobs and some emulators), when
 * its recovery point is one of the table's, either because the recovery point ARN is a DynamoDB backup ARN
 * of the table ({@code TABLE_ARN/backup/...}) or because it is among the table's listed recovery points.
 *
 * @param jobs the jobs linked to the table
 * @param unlinked how many jobs could not be linked or ruled out because the recovery points are unknown
 */
public record RestoreJobs(List<RestoreJob> jobs, int unlinked) {

    /** Needs {@code facts.restoreJobs()} to be known. */
    public static RestoreJobs of(TableFacts facts) {
        String table = facts.table().arn();
        Set<String> points = facts.recoveryPoints().known()
                ? RecoveryPoints.ofTable(facts, facts.recoveryPoints().value()).stream()
                        .map(RecoveryPoint::arn).collect(Collectors.toSet())
                : null;
        List<RestoreJob> linked = new ArrayList<>();
        int unlinked = 0;
        for (RestoreJob j : facts.restoreJobs().value()) {
            if (j.sourceResourceArn() != null) {
                if (j.sourceResourceArn().equals(table)) {
                    linked.add(j);
                }
            } else if (j.recoveryPointArn() != null && j.recoveryPointArn().startsWith(table + "/backup/")) {
                linked.add(j);
            } else if (points == null) {
                unlinked++;
            } else if (points.contains(j.recoveryPointArn())) {
                linked.add(j);
            }
        }
        return new RestoreJobs(List.copyOf(linked), unlinked);
    }

    /** When the job finished, or started if AWS reports no completion. */
    static Instant when(RestoreJob j) {
        return j.completed() != null ? j.completed() : j.created();
    }
}
