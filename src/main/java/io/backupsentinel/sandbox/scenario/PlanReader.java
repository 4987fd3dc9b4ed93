package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.sandbox.state.Plan;
import io.backupsentinel.sandbox.state.Region;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a region's {@code plans:}: each plan's rules (schedule, windows, lifecycle, continuous backup, copy
 * actions) and selections (resources, not_resources, list_of_tags, conditions), as AWS Backup holds them.
 */
final class PlanReader {
    static final List<String> CONDITION_TYPES = List.of("StringEquals", "StringLike", "StringNotEquals",
            "StringNotLike");
    private static final String DEFAULT_SCHEDULE = "cron(0 5 ? * * *)";

    private PlanReader() {
    }

    static void read(LoadContext ctx, Region region, YNode node) {
        YMap m = node.map();
        String name = m.requiredStr("name");
        Instant created = ScenarioValues.time(m, "created", ctx.now.minus(Duration.ofDays(365)), ctx.now);
        String id = ctx.ids.uuid();
        String versionId = m.str("version_id", ctx.ids.versionId());
        List<Plan.Rule> rules = new ArrayList<>();
        for (YNode r : m.list("rules")) {
            Plan.Rule rule = rule(ctx, region, r);
            if (rule != null) {
                rules.add(rule);
            }
        }
        if (!m.has("rules")) {
            m.missing("rules");
        }
        List<Plan.Selection> selections = new ArrayList<>();
        for (YNode s : m.list("selections")) {
            selections.add(selection(ctx, region, s, created));
        }
        m.finish();
        if (name == null) {
            return;
        }
        if (ScenarioRefs.plan(region, name) != null) {
            node.error("a plan named '" + name + "' is already defined in this region");
            return;
        }
        String arn = "arn:aws:backup:" + region.name() + ":" + region.account() + ":backup-plan:" + id;
        region.plans().put(id, new Plan(id, arn, name, versionId, created, rules, selections));
    }

    private static Plan.Rule rule(LoadContext ctx, Region region, YNode node) {
        YMap m = node.map();
        String name = m.requiredStr("name");
        String vault = m.requiredStr("vault");
        if (vault != null && !region.vaults().containsKey(vault)) {
            m.get("vault").error("no vault '" + vault + "' in this region; define it under vaults");
        }
        String schedule = m.str("schedule", DEFAULT_SCHEDULE);
        if (!Crons.isAwsCron(schedule)) {
            m.get("schedule").error("must be an AWS cron expression with 6 fields, e.g. cron(0 * ? * * *),"
                    + " got '" + schedule + "'");
        }
        String timezone = m.str("timezone", "Etc/UTC");
        if (!Crons.isZone(timezone)) {
            m.get("timezone").error("is not a time zone id, got '" + timezone + "'");
        }
        Long startWindow = minutes(m, "start_window", 480L, 60, 60L * 24 * 30);
        Long completionWindow = minutes(m, "completion_window", 10_080L, 120, 60L * 24 * 365 * 100);
        Lifecycle lc = Lifecycle.read(m.get("lifecycle"));
        boolean continuous = m.bool("continuous_backup", false);
        List<Plan.Copy> copies = new ArrayList<>();
        for (YNode c : m.list("copy")) {
            YMap cm = c.map();
            YNode to = cm.get("to");
            VaultRef ref = null;
            if (to == null) {
                cm.missing("to");
            } else {
                ref = VaultRef.parse(to, region);
                if (ref != null) {
                    ref.mustExist(ctx, to);
                }
            }
            Lifecycle clc = Lifecycle.read(cm.get("lifecycle"));
            cm.finish();
            if (ref != null) {
                copies.add(new Plan.Copy(ref.arn(), clc.deleteAfterDays(), clc.coldAfterDays()));
            }
        }
        m.finish();
        return name == null ? null : new Plan.Rule(ctx.ids.uuid(), name, vault, schedule, timezone, startWindow,
                completionWindow, lc.deleteAfterDays(), lc.coldAfterDays(), continuous, copies);
    }

    private static Long minutes(YMap m, String key, Long dflt, long minMinutes, long maxMinutes) {
        Duration d = m.duration(key, null);
        if (d == null) {
            return dflt;
        }
        long min = d.toMinutes();
        if (min < minMinutes || min > maxMinutes || d.toSeconds() % 60 != 0) {
            m.get(key).error("must be whole minutes between " + io.backupsentinel.model.Durations.format(
                    Duration.ofMinutes(minMinutes)) + " and " + io.backupsentinel.model.Durations.format(
                    Duration.ofMinutes(maxMinutes)) + ", got " + m.get(key).string());
            return dflt;
        }
        return min;
    }

    private static Plan.Selection selection(LoadContext ctx, Region region, YNode node, Instant planCreated) {
        YMap m = node.map();
        String name = m.requiredStr("name");
        String role = Roles.arn(m.str("role", "service-role/AWSBackupDefaultServiceRole"), region.account());
        Instant created = ScenarioValues.time(m, "created", planCreated, ctx.now);
        List<String> resources = m.strings("resources");
        List<String> notResources = m.strings("not_resources");
        List<Plan.TagCondition> listOfTags = new ArrayList<>();
        for (Map.Entry<String, String> e : m.stringMap("list_of_tags").entrySet()) {
            listOfTags.add(new Plan.TagCondition("STRINGEQUALS", e.getKey(), e.getValue()));
        }
        YNode cond = m.get("conditions");
        List<Plan.TagCondition> conditions = cond == null ? List.of() : Conditions.read(cond, CONDITION_TYPES);
        if (resources.isEmpty() && listOfTags.isEmpty() && m.has("name")) {
            node.error("a selection needs resources or list_of_tags (AWS Backup selects nothing otherwise)");
        }
        m.finish();
        return new Plan.Selection(ctx.ids.uuid(), name == null ? "" : name, role, created, resources, notResources,
                listOfTags, conditions);
    }
}
