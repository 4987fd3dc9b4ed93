package io.backupsentinel.sandbox.backup;

import io.backupsentinel.sandbox.state.Account;
import io.backupsentinel.sandbox.state.Plan;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.RestoreJob;
import io.backupsentinel.sandbox.state.Vault;
import io.backupsentinel.sandbox.state.World;

import java.util.List;
import java.util.Optional;

/**
 * Read-only lookups across one region's AWS Backup state that several operations share: a recovery
 * point's vault and plan, a resource's recovery points, the source of a restore job. It never creates
 * accounts or regions (the World's own accessors would).
 */
final class RegionView {
    private final World world;
    private final Region region;

    RegionView(World world, Region region) {
        this.world = world;
        this.region = region;
    }

    Region region() {
        return region;
    }

    Optional<Vault> vault(String name) {
        return Optional.ofNullable(region.vaults().get(name));
    }

    Optional<RecoveryPoint> recoveryPoint(String arn) {
        return arn == null ? Optional.empty() : Optional.ofNullable(region.recoveryPoints().get(arn));
    }

    /** A plan by its ARN, in whichever region of the world holds it (copies name their source region's plan). */
    Optional<Plan> planByArn(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Optional<Region> home = world.findAccount(ResourceArns.account(arn))
                .map(Account::regions).map(r -> r.get(ResourceArns.region(arn)));
        return home.flatMap(r -> r.plans().values().stream().filter(p -> arn.equals(p.arn())).findFirst());
    }

    Optional<Plan.Rule> rule(Plan plan, String ruleId) {
        return plan.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    long recoveryPointCount(String vaultName) {
        return region.recoveryPoints().inVault(vaultName).size();
    }

    List<RecoveryPoint> recoveryPointsOf(String resourceArn) {
        return List.copyOf(region.recoveryPoints().ofResource(resourceArn).values());
    }

    /** The table a restore job restored: its SourceResourceArn, else the ResourceArn of its recovery point. */
    Optional<String> sourceOf(RestoreJob job) {
        if (job.sourceResourceArn() != null) {
            return Optional.of(job.sourceResourceArn());
        }
        return recoveryPoint(job.recoveryPointArn()).map(RecoveryPoint::resourceArn);
    }

    /** ResourceType of a restore job: that of its source, else of the resource it created. */
    String resourceTypeOf(RestoreJob job) {
        String type = sourceOf(job).map(ResourceArns::type).orElse(null);
        return type != null ? type : ResourceArns.type(job.createdResourceArn());
    }
}
