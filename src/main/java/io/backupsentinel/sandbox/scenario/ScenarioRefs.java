package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.sandbox.state.Plan;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.Region;

import java.time.Instant;

/** Look-ups by the names a scenario uses (plans are stored by id, rules by id within their plan). */
final class ScenarioRefs {
    private ScenarioRefs() {
    }

    static Plan plan(Region region, String name) {
        for (Plan p : region.plans().values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    static Plan.Rule rule(Plan plan, String name) {
        for (Plan.Rule r : plan.rules()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** The newest recovery point of a table in a region created at or before {@code at}, preferring COMPLETED. */
    static RecoveryPoint newestPoint(Region region, String tableArn, String vault, Instant at) {
        RecoveryPoint best = null;
        for (RecoveryPoint rp : region.recoveryPoints().values()) {
            if (!rp.resourceArn().equals(tableArn) || rp.created().isAfter(at)
                    || (vault != null && !rp.vaultName().equals(vault))) {
                continue;
            }
            boolean better = best == null
                    || ("COMPLETED".equals(rp.status()) && !"COMPLETED".equals(best.status()))
                    || (rp.status().equals(best.status()) && rp.created().isAfter(best.created()));
            if (better) {
                best = rp;
            }
        }
        return best;
    }
}
