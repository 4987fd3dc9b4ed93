package io.backupsentinel.web.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.sandbox.dynamodb.DynamoDbHandler;
import io.backupsentinel.testing.SandboxExtension;
import io.backupsentinel.testing.WorldBuilder;
import io.backupsentinel.web.runbook.RunbookStep.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the runbook's commands against the embedded sandbox: each command line goes through bash (so quoting is
 * exercised), its argv is translated option by option into the same request through the real SDK over HTTP,
 * and the sandbox, which validates requests as DynamoDB does, must accept it. The AWS CLI itself is not
 * installed; the translation maps each CLI option to the request member of the same name.
 */
class RunbookCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WorldBuilder world = WorldBuilder.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(world::world);

    private DynamoDbClient ddb() {
        return sandbox.start(new DynamoDbHandler(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(20))).dynamo();
    }

    /** The table's facts as the collector would read them, through the SDK. */
    private TableFacts facts(DynamoDbClient ddb, TableRef table, Map<String, String> tags) {
        PointInTimeRecoveryDescription p = ddb.describeContinuousBackups(r -> r.tableName(table.name()))
                .continuousBackupsDescription().pointInTimeRecoveryDescription();
        PitrState pitr = p.pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED
                ? new PitrState(true, p.recoveryPeriodInDays(), p.earliestRestorableDateTime(), p.latestRestorableDateTime())
                : PitrState.disabled();
        List<OnDemandBackup> backups = ddb.listBackups(r -> r.tableName(table.name())).backupSummaries().stream()
                .map(b -> new OnDemandBackup(b.backupArn(), b.backupName(), b.backupCreationDateTime(),
                        b.backupStatusAsString(), b.backupTypeAsString(), b.backupSizeBytes(), b.backupExpiryDateTime()))
                .toList();
        String none = "not needed by this test";
        return new TableFacts(table, tags, "ACTIVE", null, Fact.of(pitr), Fact.of(backups), Fact.failed(none),
                Fact.failed(none), Fact.failed(none), Fact.failed(none), Fact.failed(none), Fact.failed(none),
                Fact.failed(none), world.now());
    }

    private List<RunbookStep> runbook(RunbookOptions opts) {
        Map<String, String> tags = Map.of("env", "prod", "team", "o'brien & co");
        var source = world.table("orders", tags);
        world.pitr("orders", Duration.ofDays(3), 7);
        world.backup("orders", "nightly", "USER", Duration.ofHours(6));
        DynamoDbClient ddb = ddb();
        TableRef ref = new TableRef(WorldBuilder.OWN_ACCOUNT, WorldBuilder.REGION, "orders", source.arn());
        return Runbook.of(ref, facts(ddb, ref, tags), Optional.empty(), world.now(), opts);
    }

    @Test
    void the_point_in_time_command_for_a_chosen_time_is_accepted_and_restores_that_time() {
        Instant chosen = world.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        RunbookStep pitr = step(runbook(RunbookOptions.defaults().withRestoreTo(chosen)), Kind.PITR);

        TableDescription restored = run(pitr.commands().get(0));

        assertThat(restored.restoreSummary().restoreDateTime()).isEqualTo(chosen);
        assertThat(restored.tableName()).isEqualTo(Runbook.targetTableName(TableRef.of("1", "r", "orders"), world.now()));
    }

    @Test
    void the_latest_restorable_time_command_is_accepted() {
        RunbookStep pitr = step(runbook(RunbookOptions.defaults()), Kind.PITR);

        TableDescription restored = run(pitr.commands().get(1));

        assertThat(restored.restoreSummary().restoreInProgress()).isTrue();
    }

    @Test
    void the_backup_restore_then_every_after_restore_command_is_accepted() {
        List<RunbookStep> steps = runbook(RunbookOptions.defaults());
        TableDescription restored = run(step(steps, Kind.ON_DEMAND_BACKUP).commands().get(0));
        assertThat(restored.restoreSummary().sourceBackupArn()).contains(":table/orders/backup/");
        world.world().clock().advance(Duration.ofMinutes(21));

        for (CliCommand c : step(steps, Kind.AFTER_RESTORE).commands()) {
            run(c);
        }

        DynamoDbClient ddb = sandbox.dynamo();
        assertThat(ddb.describeContinuousBackups(r -> r.tableName(restored.tableName())).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().recoveryPeriodInDays()).isEqualTo(7);
        assertThat(ddb.listTagsOfResource(r -> r.resourceArn(restored.tableArn())).tags())
                .containsExactlyInAnyOrder(Tag.builder().key("env").value("prod").build(),
                        Tag.builder().key("team").value("o'brien & co").build());
    }

    private static RunbookStep step(List<RunbookStep> steps, Kind kind) {
        RunbookStep s = steps.stream().filter(x -> x.kind() == kind).findFirst().orElseThrow();
        assertThat(s.available()).as("%s available: %s", kind, s.explanation()).isTrue();
        return s;
    }

    /** Pastes the line into bash, then sends what the AWS CLI would send for that argv. */
    private TableDescription run(CliCommand c) {
        List<String> argv = Argv.ofLine(c.line());
        assertThat(argv.subList(0, 2)).containsExactly("aws", "dynamodb");
        boolean waiter = argv.get(2).equals("wait");
        Map<String, String> o = options(argv.subList(waiter ? 4 : 3, argv.size()));
        assertThat(o.remove("--region")).isEqualTo(WorldBuilder.REGION);
        DynamoDbClient ddb = sandbox.clients().dynamo();
        try (ddb) {
            String op = waiter ? "wait " + argv.get(3) : argv.get(2);
            return switch (op) {
                case "restore-table-to-point-in-time" -> ddb.restoreTableToPointInTime(r -> {
                    r.sourceTableArn(o.remove("--source-table-arn")).targetTableName(o.remove("--target-table-name"));
                    if (o.remove("--use-latest-restorable-time") != null) {
                        r.useLatestRestorableTime(true);
                    } else {
                        r.restoreDateTime(Instant.parse(o.remove("--restore-date-time")));
                    }
                    assertThat(o).as("unmapped options").isEmpty();
                }).tableDescription();
                case "restore-table-from-backup" -> ddb.restoreTableFromBackup(r -> {
                    r.targetTableName(o.remove("--target-table-name")).backupArn(o.remove("--backup-arn"));
                    assertThat(o).as("unmapped options").isEmpty();
                }).tableDescription();
                case "wait table-exists", "describe-table" -> {
                    // The waiter polls DescribeTable until ACTIVE; --query only filters the CLI's output.
                    o.remove("--query");
                    String name = o.remove("--table-name");
                    assertThat(o).as("unmapped options").isEmpty();
                    TableDescription t = ddb.describeTable(r -> r.tableName(name)).table();
                    assertThat(t.tableStatus()).isEqualTo(TableStatus.ACTIVE);
                    yield t;
                }
                case "update-continuous-backups" -> {
                    String name = o.remove("--table-name");
                    Map<String, String> spec = shorthand(o.remove("--point-in-time-recovery-specification"));
                    assertThat(o).as("unmapped options").isEmpty();
                    ddb.updateContinuousBackups(r -> r.tableName(name).pointInTimeRecoverySpecification(s -> s
                            .pointInTimeRecoveryEnabled(Boolean.parseBoolean(spec.remove("PointInTimeRecoveryEnabled")))
                            .recoveryPeriodInDays(spec.containsKey("RecoveryPeriodInDays")
                                    ? Integer.valueOf(spec.remove("RecoveryPeriodInDays")) : null)));
                    assertThat(spec).as("unmapped shorthand keys").isEmpty();
                    yield null;
                }
                case "tag-resource" -> {
                    String arn = o.remove("--resource-arn");
                    List<Tag> tags = new ArrayList<>();
                    for (JsonNode t : JSON.readTree(o.remove("--tags"))) {
                        tags.add(Tag.builder().key(t.get("Key").asText()).value(t.get("Value").asText()).build());
                    }
                    assertThat(o).as("unmapped options").isEmpty();
                    ddb.tagResource(r -> r.resourceArn(arn).tags(tags));
                    yield null;
                }
                default -> throw new AssertionError("no translation for " + op);
            };
        } catch (java.io.IOException e) {
            throw new AssertionError("bad JSON in " + c.line(), e);
        }
    }

    /** {@code --name value}, {@code --name=value} and bare flags (value "true"). */
    private static Map<String, String> options(List<String> words) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            assertThat(w).startsWith("--");
            int eq = w.indexOf('=');
            if (eq > 0) {
                out.put(w.substring(0, eq), w.substring(eq + 1));
            } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                out.put(w, words.get(++i));
            } else {
                out.put(w, "true");
            }
        }
        return out;
    }

    /** The CLI's shorthand for a flat structure: {@code Key=value,Key=value}. */
    private static Map<String, String> shorthand(String s) {
        Map<String, String> out = new HashMap<>();
        for (String pair : s.split(",")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], kv[1]);
        }
        return out;
    }
}
