package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.sandbox.state.Region;

/**
 * Reads one region of an account in dependency order: vaults, then plans (their rules name vaults), restore
 * testing plans, tables with what belongs to them, region-level recovery points, and generated fleets.
 */
final class RegionReader {
    private RegionReader() {
    }

    static void read(LoadContext ctx, Region region, YNode node) {
        YMap m = node.map();
        for (YNode v : m.list("vaults")) {
            VaultReader.read(ctx, region, v);
        }
        for (YNode p : m.list("plans")) {
            PlanReader.read(ctx, region, p);
        }
        for (YNode p : m.list("restore_testing_plans")) {
            RestoreTestingReader.read(ctx, region, p);
        }
        for (YNode t : m.list("tables")) {
            TableReader.read(ctx, region, t);
        }
        for (YNode rp : m.list("recovery_points")) {
            PointReader.readInRegion(ctx, region, rp);
        }
        YNode generate = m.get("generate");
        if (generate != null) {
            for (YNode g : generate.isList() ? generate.list() : java.util.List.of(generate)) {
                FleetGenerator.read(ctx, region, g);
            }
        }
        m.finish();
    }
}
