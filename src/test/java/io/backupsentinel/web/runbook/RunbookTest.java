package io.backupsentinel.web.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.TableDescription;
import io.backupsentinel.model.TableDescription.KeyElement;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.web.runbook.RunbookStep.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RunbookTest {
    static final Instant NOW = Instant.parse("2026-12-02T17:31:00Z");
    static final TableRef ORDERS = TableRef.of("111111111111", "eu-west-1", "orders");
    static final String TARGET = "orders-restored-20261202T1731Z";
    static final String BACKUP_OLD = "arn:aws:dynamodb:eu-west-1:111111111111:table/orders/backup/01764000000000-aaaa";
    static final String BACKUP_NEW = "arn:aws:dynamodb:eu-west-1:111111111111:table/orders/backup/01764600000000-bbbb";
    static final String RP_NEW = "arn:aws:backup:eu-west-1:111111111111:recovery-point:NEW-1";
    static final String VAULT_ARN = "arn:aws:backup:eu-west-1:111111111111:backup-vault:gold";
    static final String EXPORT_ARN = "arn:aws:dynamodb:eu-west-1:111111111111:table/orders/export/01764650000000-cafe";
    static final TableDescription DESCRIPTION = new TableDescription(10_000, 50, List.of(
            new KeyElement("customerId", "HASH"), new KeyElement("orderId", "RANGE")),
            Map.of("customerId", "S", "orderId", "N"), "PROVISIONED", 5L, 10L, NOW);
    static final ObjectMapper JSON = new ObjectMapper();

    static TableFacts fixture() {
        return new TableFacts(ORDERS, Map.of("env", "prod", "owner", "team's"), "ACTIVE", NOW.minusSeconds(86_400 * 400L),
                Fact.of(new PitrState(true, 7, Instant.parse("2026-11-25T17:30:12Z"), Instant.parse("2026-12-02T17:26:41.5Z"))),
                Fact.of(List.of(
                        new OnDemandBackup(BACKUP_OLD, "nightly-1", Instant.parse("2026-11-30T01:00:00Z"), "AVAILABLE", "USER", 100L, null),
                        new OnDemandBackup(BACKUP_NEW, "nightly-2", Instant.parse("2026-12-01T01:00:00Z"), "AVAILABLE", "USER", 100L, null),
                        new OnDemandBackup(BACKUP_NEW + "x", "nightly-3", Instant.parse("2026-12-02T01:00:00Z"), "CREATING", "USER", null, null))),
                Fact.of(List.of(
                        point("arn:aws:backup:eu-west-1:111111111111:recovery-point:OLD", "2026-11-30T05:00:00Z", "COMPLETED"),
                        point(RP_NEW, "2026-12-02T05:00:00Z", "COMPLETED"),
                        point("arn:aws:backup:eu-west-1:111111111111:recovery-point:PARTIAL", "2026-12-02T09:00:00Z", "PARTIAL"))),
                Fact.of(List.of(
                        new ExportRecord(EXPORT_ARN, "COMPLETED", Instant.parse("2026-12-01T12:00:00Z"), null, null, null,
                                null, "orders-exports", "AES256", "FULL_EXPORT", "DYNAMODB_JSON", "daily/"),
                        new ExportRecord(EXPORT_ARN + "-incr", "COMPLETED", Instant.parse("2026-12-02T12:00:00Z"), null, null,
                                null, null, "orders-exports", "AES256", "INCREMENTAL_EXPORT", "DYNAMODB_JSON", "daily/"))),
                Fact.of(List.<BackupPlan>of()), Fact.of(Map.of()), Fact.of(List.of()), Fact.of(List.of()),
                Fact.of(List.of()), NOW);
    }

    static RecoveryPoint point(String arn, String created, String status) {
        return new RecoveryPoint(arn, ORDERS.arn(), "gold", VAULT_ARN, Instant.parse(created), Instant.parse(created),
                status, 35L, null, null, true, null, null);
    }

    static final PlanCoverage GOLD = facts -> List.of(new CoveringSelection("gold-plan", "gold-tables",
            "arn:aws:iam::111111111111:role/backup-gold", "by tag env=prod"));

    static RunbookStep step(List<RunbookStep> steps, Kind kind) {
        return steps.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    static List<String> argv(CliCommand c) {
        List<String> parsed = Argv.ofLine(c.line());
        assertThat(parsed).as("bash argv of %s", c.line()).isEqualTo(c.argv());
        return parsed;
    }

    @Test
    void steps_come_in_a_fixed_order_and_every_one_is_available_for_a_well_protected_table() {
        List<RunbookStep> steps = Runbook.of(ORDERS, fixture(), Optional.of(DESCRIPTION), NOW,
                RunbookOptions.defaults().withCoverage(GOLD));
        assertThat(steps).extracting(RunbookStep::kind)
                .containsExactly(Kind.PITR, Kind.ON_DEMAND_BACKUP, Kind.AWS_BACKUP, Kind.EXPORT, Kind.AFTER_RESTORE);
        assertThat(steps).allMatch(RunbookStep::available);
        steps.forEach(s -> s.commands().forEach(c -> {
            List<String> words = argv(c);
            assertThat(words.get(0)).isEqualTo("aws");
            assertThat(words).containsSubsequence("--region", "eu-west-1");
        }));
    }

    @Test
    void pitr_restores_to_the_latest_restorable_second_and_states_the_window() {
        RunbookStep pitr = step(Runbook.of(ORDERS, fixture(), Optional.empty(), NOW, RunbookOptions.defaults()), Kind.PITR);
        assertThat(argv(pitr.commands().get(0))).containsExactly("aws", "dynamodb", "restore-table-to-point-in-time",
                "--source-table-arn", "arn:aws:dynamodb:eu-west-1:111111111111:table/orders",
                "--target-table-name", TARGET, "--restore-date-time", "2026-12-02T17:26:41Z", "--region", "eu-west-1");
        assertThat(argv(pitr.commands().get(1))).containsExactly("aws", "dynamodb", "restore-table-to-point-in-time",
                "--source-table-arn", "arn:aws:dynamodb:eu-west-1:111111111111:table/orders",
                "--target-table-name", TARGET, "--use-latest-restorable-time", "--region", "eu-west-1");
        assertThat(pitr.details()).extracting(RunbookStep.Detail::label, RunbookStep.Detail::text).contains(
                org.assertj.core.groups.Tuple.tuple("Earliest restorable time", "2026-11-25T17:30:12Z"),
                org.assertj.core.groups.Tuple.tuple("Latest restorable time", "2026-12-02T17:26:41Z"),
                org.assertj.core.groups.Tuple.tuple("Recovery period", "7 days"));
    }

    @Test
    void pitr_uses_the_chosen_time_when_it_lies_in_the_window() {
        RunbookStep pitr = step(Runbook.of(ORDERS, fixture(), Optional.empty(), NOW,
                RunbookOptions.defaults().withRestoreTo(Instant.parse("2026-12-02T17:00:00Z"))), Kind.PITR);
        assertThat(pitr.commands().get(0).argv()).containsSubsequence("--restore-date-time", "2026-12-02T17:00:00Z");
    }

    @Test
    void a_chosen_time_outside_the_window_is_refused_not_swapped_for_another() {
        RunbookOptions outside = RunbookOptions.defaults().withRestoreTo(Instant.parse("2026-10-01T00:00:00Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Runbook.of(ORDERS, fixture(), Optional.empty(), NOW,
                outside)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-10-01T00:00:00Z").hasMessageContaining("outside the restorable window");
    }

    @Test
    void pitr_disabled_is_unavailable_with_the_reason_and_no_restore_command() {
        TableFacts f = fixture();
        TableFacts off = new TableFacts(f.table(), f.tags(), f.tableStatus(), f.creationTime(), Fact.of(PitrState.disabled()),
                f.onDemandBackups(), f.recoveryPoints(), f.exports(), f.plans(), f.vaults(), f.backupJobs(),
                f.copyJobs(), f.restoreJobs(), f.collectedAt());
        RunbookStep pitr = step(Runbook.of(ORDERS, off, Optional.empty(), NOW, RunbookOptions.defaults()), Kind.PITR);
        assertThat(pitr.available()).isFalse();
        assertThat(pitr.explanation()).contains("PITR is disabled");
        assertThat(pitr.commands()).extracting(c -> c.argv().get(2)).containsExactly("describe-continuous-backups");
    }

    @Test
    void on_demand_restores_the_newest_available_backup() {
        RunbookStep b = step(Runbook.of(ORDERS, fixture(), Optional.empty(), NOW, RunbookOptions.defaults()),
                Kind.ON_DEMAND_BACKUP);
        assertThat(argv(b.commands().get(0))).containsExactly("aws", "dynamodb", "restore-table-from-backup",
                "--target-table-name", TARGET, "--backup-arn", BACKUP_NEW, "--region", "eu-west-1");
    }

    @Test
    void aws_backup_restores_the_newest_restorable_point_with_the_covering_selections_role() throws Exception {
        RunbookStep b = step(Runbook.of(ORDERS, fixture(), Optional.empty(), NOW,
                RunbookOptions.defaults().withCoverage(GOLD)), Kind.AWS_BACKUP);
        List<String> words = argv(b.commands().get(0));
        assertThat(words).containsExactly("aws", "backup", "start-restore-job", "--recovery-point-arn", RP_NEW,
                "--iam-role-arn", "arn:aws:iam::111111111111:role/backup-gold", "--resource-type", "DynamoDB",
                "--metadata", "{\"targetTableName\":\"" + TARGET + "\"}", "--region", "eu-west-1");
        assertThat(b.details()).extracting(RunbookStep.Detail::text).contains("gold",
                "plan gold-plan, selection gold-tables (by tag env=prod)");
    }

    @Test
    void without_a_known_role_the_default_service_role_is_named_as_an_assumption_to_check() {
        RunbookStep b = step(Runbook.of(ORDERS, fixture(), Optional.empty(), NOW, RunbookOptions.defaults()),
                Kind.AWS_BACKUP);
        assertThat(b.commands().get(0).argv()).containsSubsequence("--iam-role-arn",
                "arn:aws:iam::111111111111:role/service-role/AWSBackupDefaultServiceRole");
        assertThat(b.explanation()).contains("No backup plan selection is known to cover this table",
                "the restore role is not known", "check that it exists");
    }

    @Test
    void the_import_reads_the_newest_full_export_under_its_prefix_with_the_table_key_schema() throws Exception {
        RunbookStep e = step(Runbook.of(ORDERS, fixture(), Optional.of(DESCRIPTION), NOW, RunbookOptions.defaults()),
                Kind.EXPORT);
        List<String> words = argv(e.commands().get(0));
        assertThat(words.subList(0, 3)).containsExactly("aws", "dynamodb", "import-table");
        JsonNode source = JSON.readTree(words.get(words.indexOf("--s3-bucket-source") + 1));
        assertThat(source.get("S3Bucket").asText()).isEqualTo("orders-exports");
        assertThat(source.get("S3KeyPrefix").asText()).isEqualTo("daily/AWSDynamoDB/01764650000000-cafe/data/");
        assertThat(words).containsSubsequence("--input-format", "DYNAMODB_JSON", "--input-compression-type", "GZIP");
        JsonNode p = JSON.readTree(words.get(words.indexOf("--table-creation-parameters") + 1));
        assertThat(p.get("TableName").asText()).isEqualTo(TARGET);
        assertThat(p.get("KeySchema").toString())
                .isEqualTo("[{\"AttributeName\":\"customerId\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"orderId\",\"KeyType\":\"RANGE\"}]");
        assertThat(p.get("AttributeDefinitions").toString())
                .isEqualTo("[{\"AttributeName\":\"customerId\",\"AttributeType\":\"S\"},{\"AttributeName\":\"orderId\",\"AttributeType\":\"N\"}]");
        assertThat(p.get("BillingMode").asText()).isEqualTo("PROVISIONED");
        assertThat(p.get("ProvisionedThroughput").toString()).isEqualTo("{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":10}");
        assertThat(words).containsSubsequence("--region", "eu-west-1");
    }

    @Test
    void without_the_table_description_the_import_asks_for_the_key_schema_and_says_how_to_read_it() {
        RunbookStep e = step(Runbook.of(ORDERS, fixture(), Optional.empty(), NOW, RunbookOptions.defaults()), Kind.EXPORT);
        assertThat(e.available()).isFalse();
        assertThat(e.explanation()).contains("key schema");
        assertThat(argv(e.commands().get(0))).startsWith("aws", "dynamodb", "describe-table", "--table-name", "orders");
    }

    @Test
    void after_the_restore_the_new_table_is_awaited_protected_and_tagged_like_the_source() throws Exception {
        RunbookStep a = step(Runbook.of(ORDERS, fixture(), Optional.empty(), NOW, RunbookOptions.defaults()),
                Kind.AFTER_RESTORE);
        assertThat(a.commands()).extracting(c -> String.join(" ", c.argv().subList(1, 3)))
                .containsExactly("dynamodb wait", "dynamodb describe-table", "dynamodb update-continuous-backups",
                        "dynamodb tag-resource");
        assertThat(argv(a.commands().get(0))).containsExactly("aws", "dynamodb", "wait", "table-exists",
                "--table-name", TARGET, "--region", "eu-west-1");
        assertThat(a.commands().get(2).argv()).containsSubsequence("--point-in-time-recovery-specification",
                "PointInTimeRecoveryEnabled=true,RecoveryPeriodInDays=7");
        List<String> tag = argv(a.commands().get(3));
        assertThat(tag).containsSubsequence("--resource-arn", "arn:aws:dynamodb:eu-west-1:111111111111:table/" + TARGET);
        assertThat(JSON.readTree(tag.get(tag.indexOf("--tags") + 1)).toString())
                .isEqualTo("[{\"Key\":\"env\",\"Value\":\"prod\"},{\"Key\":\"owner\",\"Value\":\"team's\"}]");
        assertThat(a.notes()).anyMatch(n -> n.contains("Switch traffic"));
    }

    @Test
    void a_table_whose_facts_are_unknown_gets_reasons_and_ways_to_look_but_no_restore_command() {
        String cause = "AccessDeniedException: not authorized";
        TableFacts unknown = new TableFacts(ORDERS, null, null, null, Fact.failed(cause), Fact.failed(cause),
                Fact.failed(cause), Fact.failed(cause), Fact.failed(cause), Fact.failed(cause), Fact.failed(cause),
                Fact.failed(cause), Fact.failed(cause), NOW);
        List<RunbookStep> steps = Runbook.of(ORDERS, unknown, Optional.empty(), NOW, RunbookOptions.defaults());
        assertThat(steps.subList(0, 4)).allSatisfy(s -> {
            assertThat(s.available()).isFalse();
            assertThat(s.explanation()).contains(cause);
            assertThat(s.commands()).allSatisfy(c -> assertThat(c.argv().get(2))
                    .matches("describe-continuous-backups|list-backups|list-recovery-points-by-resource|list-exports"));
        });
    }

    @Test
    void a_table_never_collected_gets_the_same_honest_steps() {
        List<RunbookStep> steps = Runbook.of(ORDERS, null, Optional.empty(), NOW, RunbookOptions.defaults());
        assertThat(steps.subList(0, 4)).noneMatch(RunbookStep::available);
        assertThat(steps.get(0).explanation()).contains("no collection has reached this table yet");
    }

    @Test
    void odd_names_are_quoted_so_bash_hands_them_to_aws_unchanged() {
        TableRef odd = new TableRef("111111111111", "eu-west-1", "it's $(rm -rf ~) <b>",
                "arn:aws:dynamodb:eu-west-1:111111111111:table/it's $(rm -rf ~) <b>");
        TableFacts f = fixture();
        TableFacts oddFacts = new TableFacts(odd, Map.of("k;`id`", "v'\"$HOME"), "ACTIVE", null, f.pitr(),
                f.onDemandBackups(), f.recoveryPoints(), f.exports(), f.plans(), f.vaults(), f.backupJobs(),
                f.copyJobs(), f.restoreJobs(), NOW);
        List<RunbookStep> steps = Runbook.of(odd, oddFacts, Optional.of(DESCRIPTION), NOW, RunbookOptions.defaults());
        steps.forEach(s -> s.commands().forEach(RunbookTest::argv));
        assertThat(step(steps, Kind.PITR).commands().get(0).argv())
                .contains("arn:aws:dynamodb:eu-west-1:111111111111:table/it's $(rm -rf ~) <b>");
    }

    @Test
    void restored_table_names_are_valid_for_dynamodb_whatever_the_source_name() {
        assertThat(Runbook.targetTableName(ORDERS, NOW)).isEqualTo(TARGET);
        String odd = Runbook.targetTableName(new TableRef("1", "r", "it's <b>", "arn"), NOW);
        assertThat(odd).isEqualTo("it-s--b--restored-20261202T1731Z");
        String longName = Runbook.targetTableName(new TableRef("1", "r", "x".repeat(255), "arn"), NOW);
        assertThat(longName).hasSize(255).endsWith("-restored-20261202T1731Z");
        assertThat(List.of(odd, longName, TARGET)).allMatch(TargetName::valid);
    }

    @Test
    void a_value_starting_with_a_dash_is_joined_to_its_option_so_the_cli_does_not_read_it_as_one() {
        TableRef dashed = TableRef.of("111111111111", "eu-west-1", "-orders");
        RunbookStep after = step(Runbook.of(dashed, fixture(), Optional.empty(), NOW, RunbookOptions.defaults()),
                Kind.AFTER_RESTORE);
        assertThat(argv(after.commands().get(0))).contains("--table-name=-orders-restored-20261202T1731Z");
    }
}
