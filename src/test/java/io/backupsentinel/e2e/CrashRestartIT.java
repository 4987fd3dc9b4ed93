package io.backupsentinel.e2e;

import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.testing.AwsEndpoint;
import io.backupsentinel.testing.PagerDutyReceiver;
import io.backupsentinel.testing.PagerDutyReceiver.Event;
import io.backupsentinel.testing.SentinelDaemon;
import io.backupsentinel.testing.SentinelJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged daemon SIGKILLed at 20 random moments across an incident's life (before the RPO breach, around
 * it, after the fixing backup) and restarted each time on the same data directory: PagerDuty gets no second
 * decision to page an open incident (only, after a kill between its answer and the outbox's mark, the same stored
 * trigger again, which it folds into the incident), loses neither the trigger nor the resolve, and
 * {@code verify --history} passes
 * after every kill. The moments come from a seeded Random; the seed is printed and {@code -De2e.seed=N} replays it.
 */
class CrashRestartIT {
    private static final int KILLS = 20;
    /** The first kill after which the test fixes the table, once the breach has paged: half the kills follow it. */
    private static final int FIX_AFTER_KILL = 10;

    @Test
    void sigkill_at_twenty_random_moments_neither_duplicates_nor_loses_a_page_and_the_history_verifies(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        long seed = Long.getLong("e2e.seed", System.nanoTime());
        System.out.println("CrashRestartIT: seed " + seed + " (replay with -De2e.seed=" + seed + "); logs in " + dir
                + " (kept if the test fails)");
        Random random = new Random(seed);
        try (Sandbox sandbox = Sandbox.start(PagerDutyEndToEndIT.SCENARIO, 0);
             PagerDutyReceiver pd = PagerDutyReceiver.start()) {
            URI aws = URI.create(sandbox.endpoint());
            Path config = SentinelDaemon.writeConfig(dir, PagerDutyEndToEndIT.RULES, 0, pd.eventsUrl());
            Path data = SentinelDaemon.dataDir(config);
            Path log = dir.resolve("daemon.log");
            Instant deadline = PagerDutyEndToEndIT.newestBackup(aws).plus(PagerDutyEndToEndIT.RPO);
            Instant fixedAt = null;
            List<String> moments = new ArrayList<>();
            CompletableFuture<SentinelJar.Result> verified = CompletableFuture.completedFuture(null);

            for (int kill = 1; kill <= KILLS; kill++) {
                SentinelDaemon daemon = SentinelDaemon.start(config, aws, log);
                // The history is verified read-only while the next daemon starts: JVM start-up dominates this test.
                assertVerified(verified.get(), kill - 1);
                Thread.sleep(1_000 + random.nextInt(9_000));
                daemon.assertAlive();
                Instant at = Instant.now();
                daemon.kill();
                moments.add(String.format("kill %d at deadline%+.1fs, %d event(s)%s", kill,
                        Duration.between(deadline, at).toMillis() / 1000.0, pd.events().size(),
                        fixedAt == null ? "" : ", fixed"));
                verified = CompletableFuture.supplyAsync(() -> verify(data));
                if (fixedAt == null && kill >= FIX_AFTER_KILL && !pd.events("trigger").isEmpty()) {
                    fixedAt = createBackup(aws);
                }
            }
            assertVerified(verified.get(), KILLS);
            moments.forEach(m -> System.out.println("CrashRestartIT: " + m));

            try (SentinelDaemon daemon = SentinelDaemon.start(config, aws, log)) {
                if (fixedAt == null) {
                    pd.awaitEvents(1, Duration.ofSeconds(120));
                    fixedAt = createBackup(aws);
                }
                Instant fix = fixedAt;
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    daemon.assertAlive();
                    assertThat(pd.events("resolve")).anySatisfy(e -> assertThat(e.receivedAt()).isAfter(fix));
                });
            }
            assertVerified(verify(data), KILLS + 1);

            assertThat(pd.rejections()).as("every event valid for Events API v2").isEmpty();
            Map<String, List<Event>> byKey = byDedupKey(pd.events());
            assertThat(byKey).as("one incident: the table's RPO rule").hasSize(1);
            assertThat(byKey.keySet().iterator().next()).contains(PagerDutyEndToEndIT.TABLE_ARN);
            List<Event> events = byKey.values().iterator().next();
            List<String> actions = events.stream().map(Event::action).toList();
            assertThat(actions).as("the breach paged, then the fix resolved it").startsWith("trigger")
                    .containsSubsequence("trigger", "resolve");
            int redelivered = 0;
            for (int i = 1; i < events.size(); i++) {
                if (events.get(i).action().equals("trigger") && events.get(i - 1).action().equals("trigger")) {
                    // A kill between PagerDuty's 202 and the outbox marking the event delivered sends the stored
                    // event again after the restart; PagerDuty folds it into the open incident. A second decision
                    // to page (a new event, with its own timestamp) would be a duplicate incident.
                    assertThat(events.get(i).body()).as("a trigger while the incident is open is a redelivery of "
                            + "the same stored event, in %s", actions).isEqualTo(events.get(i - 1).body());
                    redelivered++;
                }
            }
            System.out.println("CrashRestartIT: events " + actions + ", " + redelivered
                    + " redelivered after a kill between PagerDuty's answer and the outbox's mark");
        }
    }

    private static SentinelJar.Result verify(Path data) {
        try {
            return SentinelJar.verifyHistory(data);
        } catch (Exception e) {
            throw new IllegalStateException("verify --history could not run", e);
        }
    }

    private static void assertVerified(SentinelJar.Result r, int kills) {
        if (r != null) {
            assertThat(r.exit()).as("verify --history after %d kill(s): %s", kills, r.output()).isZero();
            assertThat(r.output()).contains("history OK");
        }
    }

    /** A fresh on-demand backup through the real SDK: the table complies again from now. */
    private static Instant createBackup(URI aws) {
        try (DynamoDbClient dynamo = AwsEndpoint.at(aws).dynamo()) {
            return dynamo.createBackup(b -> b.tableName("orders").backupName("e2e-fix")).backupDetails()
                    .backupCreationDateTime();
        }
    }

    private static Map<String, List<Event>> byDedupKey(List<Event> events) {
        Map<String, List<Event>> out = new LinkedHashMap<>();
        events.forEach(e -> out.computeIfAbsent(e.dedupKey(), k -> new ArrayList<>()).add(e));
        return out;
    }
}
