package io.backupsentinel.bench;

import io.backupsentinel.aws.AwsCollector;
import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.engine.Audit;
import io.backupsentinel.model.Target;
import io.backupsentinel.rule.Rule;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.rule.RuleSet;
import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.schedule.DaemonTiming;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * AWS calls per hour of the demo's daemon: the example rules on their schedules against the demo world, with
 * the rules that fire together sharing one collection per account-region (what the daemon does), against one
 * collection per firing rule. Each distinct set of rules is collected once from the sandbox and its requests
 * counted; the hour's firings (all rules start together, as the daemon schedules them) are then summed.
 *
 * <p>{@code java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) io.backupsentinel.bench.CollectionSharingBench}
 */
public final class CollectionSharingBench {
    public static void main(String[] args) {
        RuleSet rules = new RuleLoader(CheckRegistry.standard()).load(Path.of("rules")).ruleSet();
        DaemonTiming timing = new DaemonTiming(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(30),
                Duration.ofSeconds(2));
        try (Sandbox box = Sandbox.start((Path) null, 0)) {
            box.gate().clear();
            AwsSettings settings = AwsSettings.defaults().withRegions(List.of("us-east-1", "eu-west-1", "ap-southeast-2"))
                    .withEndpoint(URI.create(box.endpoint()), Sandbox.ACCESS_KEY, Sandbox.SECRET_KEY);
            try (AwsCollector collector = new AwsCollector(settings)) {
                List<Target> targets = collector.targets();
                Map<Set<String>, Long> cost = new HashMap<>();
                long shared = 0;
                long separate = 0;
                for (long minute = 0; minute < 60; minute++) {
                    Set<String> firing = new TreeSet<>();
                    for (Rule r : rules.rules()) {
                        long every = Math.max(1, timing.interval(r).toMinutes());
                        if (minute % every == 0) {
                            firing.add(r.name());
                        }
                    }
                    if (firing.isEmpty()) {
                        continue;
                    }
                    shared += cost.computeIfAbsent(firing, names -> requests(collector, targets, rules, names));
                    for (String name : firing) {
                        separate += cost.computeIfAbsent(Set.of(name), names -> requests(collector, targets, rules, names));
                    }
                }
                System.out.printf("AWS requests per hour, demo world, %d rules: shared collections %d, one collection"
                        + " per firing rule %d (%.1f x)%n", rules.rules().size(), shared, separate,
                        (double) separate / shared);
            }
        }
    }

    private static long requests(AwsCollector collector, List<Target> targets, RuleSet rules, Set<String> names) {
        RuleSet asked = rules.restrictedTo(names);
        long n = 0;
        for (Target t : targets) {
            if (asked.rules().stream().anyMatch(r -> r.scope().reaches(t))) {
                n += collector.collect(t, Audit.requestFor(asked)).requests().values().stream().mapToLong(Long::longValue).sum();
            }
        }
        return n;
    }
}
