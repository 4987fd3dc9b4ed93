package io.backupsentinel.rule;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.check.Outcome;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.CheckPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two rule sets that bind the same checks with different params, evaluated at once on many threads, each get
 * their own answers: nothing a binding prepares (texts, schedule frequencies) leaks into another rule set.
 */
class BoundRuleSetsShareNothingTest {
    @TempDir
    Path dir;

    private RuleSet load(String name, String rpoMaxAge, String planMaxInterval) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("rules.yml"), """
                rules:
                  - name: rpo
                    check: rpo
                    severity: critical
                    params: {max_age: %s, sources: [aws_backup]}
                  - name: plan
                    check: backup_plan
                    severity: high
                    params: {max_interval: %s}
                """.formatted(rpoMaxAge, planMaxInterval));
        LoadResult result = new RuleLoader(CheckRegistry.standard()).load(d);
        assertThat(result.errorLines()).isEmpty();
        return result.ruleSet();
    }

    @Test
    void two_rule_sets_with_different_params_evaluated_concurrently_each_get_their_own_results() throws Exception {
        RuleSet strict = load("strict", "1h", "1h");
        RuleSet lenient = load("lenient", "2d", "24h");
        CheckFactsBuilder b = CheckFactsBuilder.table("orders");
        TableFacts facts = b.recoveryPoints(b.point("prod-vault", Duration.ofHours(5), "COMPLETED", 35L))
                .plans(CheckPlans.plan("daily", List.of(CheckPlans.rule("daily", "cron(0 5 ? * * *)", "prod-vault", 35L)),
                        CheckPlans.byArn("orders", b.arn())))
                .build();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                RuleSet set = i % 2 == 0 ? strict : lenient;
                // A new hour now and then makes the bindings' schedule memos work out frequencies concurrently.
                java.time.Instant now = NOW.plus(Duration.ofHours(i % 7));
                runs.add(pool.submit((Callable<List<String>>) () -> set.rules().stream()
                        .map(r -> describe(r, r.evaluate(facts, now))).toList()));
            }
            for (int i = 0; i < runs.size(); i++) {
                List<String> got = runs.get(i).get();
                if (i % 2 == 0) {
                    assertThat(got).containsExactly(
                            "rpo NON_COMPLIANT newest restorable point ≤ 1h old (aws_backup)",
                            "plan NON_COMPLIANT selected by a plan with a rule every ≤ 1h");
                } else {
                    assertThat(got).containsExactly(
                            "rpo COMPLIANT newest restorable point ≤ 2d old (aws_backup)",
                            "plan COMPLIANT selected by a plan with a rule every ≤ 1d");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String describe(Rule rule, Outcome o) {
        return rule.name() + " " + o.status() + " " + o.expected();
    }
}
