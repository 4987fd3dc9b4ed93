package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.sandbox.state.Plan;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.RestoreTestingPlan;
import io.backupsentinel.sandbox.state.RestoreTestingSelection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads a region's {@code restore_testing_plans:} with their selections. */
final class RestoreTestingReader {
    static final List<String> ALGORITHMS = List.of("LATEST_WITHIN_WINDOW", "RANDOM_WITHIN_WINDOW");
    static final List<String> RP_TYPES = List.of("CONTINUOUS", "SNAPSHOT");

    private RestoreTestingReader() {
    }

    static void read(LoadContext ctx, Region region, YNode node) {
        YMap m = node.map();
        String name = m.requiredStr("name");
        Instant created = ScenarioValues.time(m, "created", ctx.now.minus(Duration.ofDays(90)), ctx.now);
        String schedule = m.str("schedule", "cron(0 5 ? * SUN *)");
        if (!Crons.isAwsCron(schedule)) {
            m.get("schedule").error("must be an AWS cron expression with 6 fields, e.g. cron(0 5 ? * SUN *), got '"
                    + schedule + "'");
        }
        String timezone = m.str("timezone", "Etc/UTC");
        if (!Crons.isZone(timezone)) {
            m.get("timezone").error("is not a time zone id, got '" + timezone + "'");
        }
        Duration startWindow = m.duration("start_window", Duration.ofHours(24));
        String algorithm = m.oneOf("algorithm", "LATEST_WITHIN_WINDOW", ALGORITHMS);
        List<String> vaults = m.has("include_vaults") ? m.strings("include_vaults") : List.of("*");
        List<String> types = m.has("recovery_point_types") ? m.strings("recovery_point_types") : List.of("SNAPSHOT");
        for (String t : types) {
            if (!RP_TYPES.contains(t)) {
                m.get("recovery_point_types").error("must list CONTINUOUS and/or SNAPSHOT, got '" + t + "'");
            }
        }
        Long window = ScenarioValues.days(m, "selection_window", 7L, 1, 365);
        Instant last = ScenarioValues.time(m, "last_execution", null, ctx.now);
        List<YNode> selections = m.list("selections");
        m.finish();
        if (name == null) {
            return;
        }
        if (region.restoreTestingPlans().containsKey(name)) {
            node.error("a restore testing plan named '" + name + "' is already defined in this region");
            return;
        }
        String arn = "arn:aws:backup:" + region.name() + ":" + region.account() + ":restore-testing-plan:" + name
                + "-" + ctx.ids.hex(6);
        region.restoreTestingPlans().put(name, new RestoreTestingPlan(name, arn, created, schedule, timezone,
                Math.max(1, startWindow.toHours()), algorithm, vaults, types, window, last));
        for (YNode s : selections) {
            selection(ctx, region, name, created, s);
        }
    }

    private static void selection(LoadContext ctx, Region region, String plan, Instant planCreated, YNode node) {
        YMap m = node.map();
        String name = m.requiredStr("name");
        Instant created = ScenarioValues.time(m, "created", planCreated, ctx.now);
        String type = m.str("resource_type", "DynamoDB");
        List<String> resources = m.has("resources") ? m.strings("resources") : List.of("*");
        YNode cond = m.get("conditions");
        List<Plan.TagCondition> conditions = cond == null ? List.of()
                : Conditions.read(cond, List.of("StringEquals", "StringNotEquals"));
        Duration validationWindow = m.duration("validation_window", Duration.ofHours(2));
        String role = Roles.arn(m.str("role", "service-role/AWSBackupDefaultServiceRole"), region.account());
        m.finish();
        if (name != null) {
            region.restoreTestingSelections().put(plan + "/" + name, new RestoreTestingSelection(plan, name, created,
                    type, resources, conditions, Math.max(1, validationWindow.toHours()), role));
        }
    }
}
