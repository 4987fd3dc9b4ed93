package io.backupsentinel.schedule;

import io.backupsentinel.aws.AwsCollector;
import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.engine.FindingSink;
import io.backupsentinel.engine.Monitor;
import io.backupsentinel.inventory.BackupInventory;
import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Transition;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.rule.RuleSet;
import io.backupsentinel.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The daemon against the embedded demo world: shared collections, deadlines, stale facts, re-checks, reload. */
class DaemonIT {
    private static final RuleSet RULES = new RuleLoader(CheckRegistry.standard()).load(Path.of("rules")).ruleSet();
    private static final Target US = new Target("111111111111", "us-east-1");
    private static final Set<String> FRESHNESS = Set.of("rpo", "pitr", "export", "restore_test");

    private Sandbox sandbox;
    private AwsCollector collector;
    private CountingInventory inventory;
    private final List<Transition> transitions = new CopyOnWriteArrayList<>();
    private final FindingSink sink = (rule, target, findings, changes) -> transitions.addAll(changes);

    @BeforeEach
    void start() {
        sandbox = Sandbox.start((Path) null, 0);
        sandbox.gate().clear();
        AwsSettings settings = AwsSettings.defaults().withRegions(List.of(US.region()))
                .withEndpoint(URI.create(sandbox.endpoint()), Sandbox.ACCESS_KEY, Sandbox.SECRET_KEY);
        collector = new AwsCollector(settings, (s, o, r) -> { }, sandbox.clock());
        inventory = new CountingInventory(collector);
    }

    @AfterEach
    void stop() {
        collector.close();
        sandbox.close();
    }

    @Test
    void an_rpo_breach_is_reported_at_its_deadline_without_calling_aws_again() {
        sandbox.clock().freeze();
        Monitor monitor = monitor(Duration.ofDays(30));
        monitor.collect(US, List.of("prod-vaulted-rpo"));
        assertThat(status(monitor, "prod-vaulted-rpo", "orders")).isEqualTo(Status.COMPLIANT);
        int collections = inventory.calls.get();
        Instant start = sandbox.clock().instant();

        // orders' newest recovery point is 40 minutes old and the vaulted RPO is 26 hours. Step from deadline to
        // deadline (other tables' come first): orders turns exactly at one, never between two.
        for (int step = 0; step < 50 && status(monitor, "prod-vaulted-rpo", "orders") == Status.COMPLIANT; step++) {
            Instant deadline = monitor.nextDeadline().orElseThrow();
            sandbox.clock().set(deadline.minusSeconds(1));
            monitor.evaluateDue();
            assertThat(status(monitor, "prod-vaulted-rpo", "orders")).isEqualTo(Status.COMPLIANT);
            sandbox.clock().set(deadline);
            assertThat(monitor.evaluateDue()).isPositive();
        }
        assertThat(status(monitor, "prod-vaulted-rpo", "orders")).isEqualTo(Status.NON_COMPLIANT);
        assertThat(sandbox.clock().instant()).isAfter(start.plus(Duration.ofHours(25)));
        assertThat(inventory.calls.get()).isEqualTo(collections);
        assertThat(transitions).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo(Transition.Kind.CHANGED);
            assertThat(t.key().table()).isEqualTo("orders");
            assertThat(t.from()).isEqualTo(Status.COMPLIANT);
            assertThat(t.to()).isEqualTo(Status.NON_COMPLIANT);
        });
    }

    @Test
    void facts_older_than_their_bound_are_judged_unknown_not_compliant() {
        sandbox.clock().freeze();
        Monitor monitor = monitor(Duration.ofMinutes(15)); // facts stale after 45 minutes
        monitor.collect(US, List.of("prod-pitr"));
        sandbox.clock().advance(Duration.ofHours(1));
        monitor.evaluateDue();
        Finding pitr = finding(monitor, "prod-pitr", "orders");
        assertThat(pitr.status()).isEqualTo(Status.UNKNOWN);
        assertThat(pitr.message()).contains("stale");
    }

    @Test
    void rules_collected_together_share_one_collection_of_only_their_fact_kinds() {
        Monitor monitor = monitor(Duration.ofHours(1));
        monitor.collect(US, List.of("prod-pitr", "prod-rpo"));
        assertThat(inventory.calls.get()).isEqualTo(1);
        // Plus the table description, which the daemon asks for the storage estimate (read at most daily).
        java.util.Set<io.backupsentinel.model.FactKind> kinds = new java.util.HashSet<>(
                RULES.restrictedTo(List.of("prod-pitr", "prod-rpo")).facts());
        kinds.add(io.backupsentinel.model.FactKind.DESCRIPTION);
        assertThat(inventory.lastRequest.facts()).isEqualTo(kinds);
        assertThat(finding(monitor, "prod-pitr", "sessions").status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(finding(monitor, "prod-rpo", "orders").status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void a_failed_collection_keeps_the_last_facts_and_names_the_cause() {
        Monitor monitor = monitor(Duration.ofHours(1));
        monitor.collect(US, List.of("prod-pitr"));
        sandbox.gate().down(US.account(), US.region());
        monitor.collect(US, List.of("prod-pitr"));
        assertThat(finding(monitor, "prod-pitr", "*").status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding(monitor, "prod-pitr", "sessions").status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(transitions).noneSatisfy(t -> assertThat(t.kind()).isEqualTo(Transition.Kind.CLOSED));
    }

    @Test
    void a_recheck_collects_only_the_named_tables_and_keeps_the_others() {
        Monitor monitor = monitor(Duration.ofHours(1));
        monitor.collect(US, List.of("prod-pitr"));
        int before = monitor.findings().size();
        monitor.recheck(US, Set.of("sessions"), List.of("prod-pitr"));
        assertThat(inventory.lastRequest.inScope().test(
                io.backupsentinel.model.TableRef.of(US.account(), US.region(), "orders"), java.util.Map.of())).isFalse();
        assertThat(monitor.findings()).hasSize(before);
        assertThat(monitor.breaching(FRESHNESS)).containsKey(US);
        assertThat(monitor.breaching(FRESHNESS).get(US)).containsKey("sessions");
    }

    @Test
    void a_restored_state_repeats_no_transition_after_a_restart() {
        Monitor first = monitor(Duration.ofHours(1));
        first.collect(US, List.of("prod-pitr"));
        var state = new java.util.HashMap<io.backupsentinel.model.FindingKey, Finding>();
        first.findings().forEach(f -> state.put(io.backupsentinel.model.FindingKey.of(f), f));
        transitions.clear();

        Monitor second = monitor(Duration.ofHours(1));
        second.restore(state);
        second.collect(US, List.of("prod-pitr"));
        assertThat(transitions).isEmpty();
    }

    @Test
    void a_removed_rule_closes_its_findings_on_reload() {
        Monitor monitor = monitor(Duration.ofHours(1));
        monitor.collect(US, List.of("prod-pitr"));
        transitions.clear();
        monitor.replaceRules(RULES.restrictedTo(List.of("prod-rpo")));
        assertThat(transitions).isNotEmpty().allSatisfy(t -> {
            assertThat(t.kind()).isEqualTo(Transition.Kind.CLOSED);
            assertThat(t.key().rule()).isEqualTo("prod-pitr");
        });
        assertThat(monitor.findings()).isEmpty();
    }

    @Test
    void the_scheduler_collects_every_rule_and_fires_at_the_deadline() throws Exception {
        Monitor monitor = monitor(Duration.ofDays(1));
        try (Daemon daemon = new Daemon(monitor, timing(Duration.ofDays(1)), FRESHNESS)) {
            daemon.start();
            awaitTrue(daemon::ready, Duration.ofSeconds(120));
            assertThat(finding(monitor, "prod-pitr", "sessions").status()).isEqualTo(Status.NON_COMPLIANT);
            assertThat(finding(monitor, "prod-backup-jobs", "shipments").status()).isEqualTo(Status.NON_COMPLIANT);
            assertThat(finding(monitor, "prod-vaulted-rpo", "orders").status()).isEqualTo(Status.COMPLIANT);

            // Move the sandbox's time to two seconds before the earliest deadline: the deadline trigger re-judges
            // the pair on the facts held, with no collection.
            int collections = inventory.calls.get();
            Instant deadline = monitor.nextDeadline().orElseThrow();
            long breachingBefore = nonCompliant(monitor);
            transitions.clear();
            sandbox.clock().set(deadline.minusSeconds(2));
            daemon.rescheduleDeadline();
            awaitTrue(() -> !transitions.isEmpty(), Duration.ofSeconds(90));
            assertThat(transitions).allSatisfy(t -> assertThat(t.at()).isAfterOrEqualTo(deadline));
            assertThat(nonCompliant(monitor) + unknown(monitor)).isGreaterThan(breachingBefore);
            assertThat(inventory.calls.get()).isEqualTo(collections);
        }
    }

    private static long nonCompliant(Monitor monitor) {
        return monitor.findings().stream().filter(f -> f.status() == Status.NON_COMPLIANT).count();
    }

    private static long unknown(Monitor monitor) {
        return monitor.findings().stream().filter(f -> f.status() == Status.UNKNOWN).count();
    }

    private Monitor monitor(Duration collectEvery) {
        return new Monitor(inventory, RULES, sandbox.clock(), sink, timing(collectEvery)::staleAfter);
    }

    private static DaemonTiming timing(Duration collectEvery) {
        return new DaemonTiming(collectEvery, Duration.ofDays(1), Duration.ofDays(1), Duration.ofMillis(200));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition within " + bound).isTrue();
    }

    private static Finding finding(Monitor monitor, String rule, String table) {
        return monitor.findings().stream().filter(f -> f.rule().equals(rule) && f.table().equals(table)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding of " + rule + " on " + table));
    }

    private static Status status(Monitor monitor, String rule, String table) {
        return finding(monitor, rule, table).status();
    }

    /** The collector, counting its collections: "no AWS call" means no collection at all. */
    private static final class CountingInventory implements BackupInventory {
        final BackupInventory inner;
        final AtomicInteger calls = new AtomicInteger();
        volatile CollectionRequest lastRequest;

        CountingInventory(BackupInventory inner) {
            this.inner = inner;
        }

        @Override
        public List<Target> targets() {
            return inner.targets();
        }

        @Override
        public RegionSnapshot collect(Target target, CollectionRequest request) {
            calls.incrementAndGet();
            lastRequest = request;
            return inner.collect(target, request);
        }
    }
}
