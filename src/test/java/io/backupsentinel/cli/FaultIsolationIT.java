package io.backupsentinel.cli;

import io.backupsentinel.aws.AwsCollector;
import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.engine.Audit;
import io.backupsentinel.model.AuditResult;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.rule.RuleSet;
import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.sandbox.fault.Selector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into the embedded AWS make findings UNKNOWN exactly where they hit, with the cause, and
 * leave every other finding as it was: the audit of the demo world with and without each fault is compared
 * finding by finding.
 */
class FaultIsolationIT {
    private static final RuleSet RULES = new RuleLoader(CheckRegistry.standard()).load(Path.of("rules")).ruleSet();

    private Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start((Path) null, 0);
        sandbox.clock().freeze();
        // The demo's hard-throttling region would make the baseline itself vary between runs.
        sandbox.gate().clear();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void a_throttling_storm_on_one_region_makes_only_its_pitr_findings_unknown() {
        Map<String, Finding> before = audit();
        sandbox.gate().limit(Selector.parse("111111111111/us-east-1/dynamodb/DescribeContinuousBackups"), 0.001, 2);
        Map<String, Finding> after = audit();

        Map<String, Finding> changed = changedStatus(before, after);
        assertThat(changed).isNotEmpty();
        assertThat(changed.values()).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.UNKNOWN);
            assertThat(f.account() + "/" + f.region()).isEqualTo("111111111111/us-east-1");
            assertThat(f.check()).isIn("pitr", "rpo");
            assertThat(f.message()).contains("DescribeContinuousBackups");
        });
    }

    @Test
    void access_denied_in_one_account_makes_only_that_account_unknown() {
        Map<String, Finding> before = audit();
        sandbox.gate().deny("222222222222", "dynamodb");
        AuditResult result = auditResult();
        Map<String, Finding> after = byKey(result.findings());

        assertThat(result.failures()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.target().account()).isEqualTo("222222222222");
            assertThat(f.cause()).contains("AccessDenied");
        });
        assertThat(without(after, f -> f.account().equals("222222222222")))
                .isEqualTo(without(before, f -> f.account().equals("222222222222")));
        assertThat(after.values().stream().filter(f -> f.account().equals("222222222222")))
                .isNotEmpty().allSatisfy(f -> {
                    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
                    assertThat(f.table()).isEqualTo("*");
                });
        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void a_dead_region_makes_only_that_region_unknown() {
        Map<String, Finding> before = audit();
        sandbox.gate().down("111111111111", "ap-southeast-2");
        AuditResult result = auditResult();
        Map<String, Finding> after = byKey(result.findings());

        Predicate<Finding> inDeadRegion = f -> f.account().equals("111111111111") && f.region().equals("ap-southeast-2");
        assertThat(without(after, inDeadRegion)).isEqualTo(without(before, inDeadRegion));
        assertThat(after.values().stream().filter(inDeadRegion)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.UNKNOWN));
        assertThat(result.failures()).singleElement()
                .satisfies(f -> assertThat(f.target().region()).isEqualTo("ap-southeast-2"));
    }

    private Map<String, Finding> audit() {
        return byKey(auditResult().findings());
    }

    private AuditResult auditResult() {
        AwsSettings settings = SandboxSettings.wholeWorld(sandbox.world(), sandbox.faults())
                .withEndpoint(URI.create(sandbox.endpoint()), Sandbox.ACCESS_KEY, Sandbox.SECRET_KEY);
        try (AwsCollector collector = new AwsCollector(settings, (s, o, r) -> { }, sandbox.clock())) {
            return new Audit(collector, sandbox.clock()).run(RULES);
        }
    }

    /** Findings by (account, region, table, rule), without the time they were made. */
    private static Map<String, Finding> byKey(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(
                f -> f.account() + "/" + f.region() + "/" + f.table() + "/" + f.rule(),
                f -> new Finding(f.account(), f.region(), f.table(), f.tableArn(), f.rule(), f.check(), f.severity(),
                        f.status(), f.observed(), f.expected(), f.message(), null)));
    }

    /** Findings whose status moved (a COMPLIANT proven by another source may word its evidence differently). */
    private static Map<String, Finding> changedStatus(Map<String, Finding> before, Map<String, Finding> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        return after.entrySet().stream().filter(e -> e.getValue().status() != before.get(e.getKey()).status())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<String, Finding> without(Map<String, Finding> findings, Predicate<Finding> excluded) {
        return findings.entrySet().stream().filter(e -> !excluded.test(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
