package io.backupsentinel.rule;

import io.backupsentinel.yaml.Values;
import io.backupsentinel.yaml.Nodes;
import org.quartz.CronExpression;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads a rule's {@code schedule:}: exactly one of {@code every} (at least 1m) or {@code cron} (Quartz). */
final class ScheduleReader {
    static final Duration SHORTEST = Duration.ofMinutes(1);

    private ScheduleReader() {
    }

    static Schedule read(Node node, Problems.InFile problems, String rule) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, rule, "'schedule' must be a mapping such as {every: 5m} or {cron: \"0 0/5 * * * ?\"},"
                    + " not " + Nodes.kind(node));
            return null;
        }
        Fields f = new Fields(mapping, List.of("every", "cron"), "a schedule", problems, rule);
        if (f.has("every") && f.has("cron")) {
            problems.at(node, rule, "a schedule has either 'every' or 'cron', not both");
            return null;
        }
        if (f.has("every")) {
            return every(f, problems, rule);
        }
        if (f.has("cron")) {
            return cron(f, problems, rule);
        }
        problems.at(node, rule, "a schedule needs 'every' (e.g. 5m) or 'cron' (a Quartz expression)");
        return null;
    }

    private static Schedule every(Fields f, Problems.InFile problems, String rule) {
        Optional<String> text = f.text("every");
        if (text.isEmpty()) {
            return null;
        }
        Duration every;
        try {
            every = Values.duration(text.get());
        } catch (IllegalArgumentException e) {
            problems.at(f.node("every"), rule, "'every' must be a duration: " + e.getMessage());
            return null;
        }
        if (every.compareTo(SHORTEST) < 0) {
            problems.at(f.node("every"), rule, "'every: " + text.get() + "' is too often: the shortest interval is 1m");
            return null;
        }
        return Schedule.every(every);
    }

    private static Schedule cron(Fields f, Problems.InFile problems, String rule) {
        Optional<String> text = f.text("cron");
        if (text.isEmpty()) {
            return null;
        }
        // The scheduler runs Quartz, so the expression is validated exactly as Quartz will parse it.
        try {
            new CronExpression(text.get());
            return Schedule.cron(text.get());
        } catch (ParseException | RuntimeException e) {
            String hint = text.get().trim().split("\\s+").length == 5
                    ? " (Quartz cron has 6 or 7 fields, seconds first, e.g. \"0 0/5 * * * ?\")" : "";
            problems.at(f.node("cron"), rule, "'" + text.get() + "' is not a valid Quartz cron expression: "
                    + e.getMessage() + hint);
            return null;
        }
    }
}
