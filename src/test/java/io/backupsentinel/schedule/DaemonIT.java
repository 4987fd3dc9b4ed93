package io.backupsentinel.schedule;

import io.backupsentinel.aws.AwsCollector;
import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.engine.Audit;
import io.backupsentinel.engine.Monitor;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.rule.RuleSet;
import io.backupsentinel.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The daemon's parts against the embedded demo world: scheduled collection and per-rule re-evaluation. */
class DaemonIT {
    private static final RuleSet RULES = new RuleLoader(CheckRegistry.standard()).load(Path.of("rules")).ruleSet();
    private static final String US = "us-east-1";
    private static final String ACCOUNT = "111111111111";

    private Sandbox sandbox;
    private AwsCollector collector;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start((Path) null, 0);
        sandbox.gate().clear();
        AwsSettings settings = AwsSettings.defaults().withRegions(List.of(US))
                .withEndpoint(URI.create(sandbox.endpoint()), Sandbox.ACCESS_KEY, Sandbox.SECRET_KEY);
        collector = new AwsCollector(settings, (s, o, r) -> { }, sandbox.clock());
    }

    @AfterEach
    void stop() {
        collector.close();
        sandbox.close();
    }

    @Test
    void an_rpo_breach_is_reported_the_moment_the_deadline_passes_without_calling_aws_again() {
        sandbox.clock().freeze();
        Monitor monitor = new Monitor(new Audit(collector, sandbox.clock()), RULES, sandbox.clock(), Duration.ofDays(2));
        monitor.collect();
        assertThat(status(monitor.evaluate("prod-vaulted-rpo"), "orders")).isEqualTo(Status.COMPLIANT);

        // orders' newest recovery point is 40 minutes old; the vaulted RPO is 26 hours.
        sandbox.clock().advance(Duration.ofHours(25).plusMinutes(19));
        assertThat(status(monitor.evaluate("prod-vaulted-rpo"), "orders")).isEqualTo(Status.COMPLIANT);
        sandbox.clock().advance(Duration.ofMinutes(2));
        assertThat(status(monitor.evaluate("prod-vaulted-rpo"), "orders")).isEqualTo(Status.NON_COMPLIANT);
    }

    @Test
    void facts_older_than_the_limit_are_judged_unknown_not_compliant() {
        sandbox.clock().freeze();
        Monitor monitor = new Monitor(new Audit(collector, sandbox.clock()), RULES, sandbox.clock(), Duration.ofMinutes(45));
        monitor.collect();
        sandbox.clock().advance(Duration.ofHours(1));
        Finding pitr = monitor.evaluate("prod-pitr").stream().filter(f -> f.table().equals("orders")).findFirst()
                .orElseThrow();
        assertThat(pitr.status()).isEqualTo(Status.UNKNOWN);
        assertThat(pitr.message()).contains("stale");
    }

    @Test
    void the_scheduler_collects_and_evaluates_every_rule_on_its_own() throws Exception {
        Monitor monitor = new Monitor(new Audit(collector, sandbox.clock()), RULES, sandbox.clock(), Duration.ofHours(1));
        try (Daemon daemon = new Daemon(monitor, Duration.ofHours(1), Duration.ofSeconds(1))) {
            daemon.start();
            // Bounded wait for the first collection and evaluations (not a timing assertion).
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Optional<Status> pitr = Optional.empty();
            Optional<Status> jobs = Optional.empty();
            while (System.nanoTime() < deadline && (pitr.isEmpty() || jobs.isEmpty())) {
                Thread.sleep(200);
                pitr = monitor.status("prod-pitr", ACCOUNT, US, "sessions");
                jobs = monitor.status("prod-backup-jobs", ACCOUNT, US, "shipments");
            }
            assertThat(pitr).contains(Status.NON_COMPLIANT);
            assertThat(jobs).contains(Status.NON_COMPLIANT);
        }
    }

    private static Status status(List<Finding> findings, String table) {
        return findings.stream().filter(f -> f.table().equals(table)).findFirst().orElseThrow().status();
    }
}
