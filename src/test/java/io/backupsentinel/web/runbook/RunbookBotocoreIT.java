package io.backupsentinel.web.runbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.TableFacts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command a runbook can show, pasted through bash, then checked by botocore (python3's boto3, the library
 * the AWS CLI is built on) against the real service models: each option must name an input member, and the
 * request must pass botocore's parameter validation (required members, types, lengths). Covers the AWS Backup
 * and import commands, which the sandbox does not serve.
 */
class RunbookBotocoreIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_command_of_a_full_runbook_is_valid_for_botocore() throws Exception {
        List<RunbookStep> steps = Runbook.of(RunbookTest.ORDERS, RunbookTest.fixture(),
                Optional.of(RunbookTest.DESCRIPTION), RunbookTest.NOW,
                RunbookOptions.defaults().withCoverage(RunbookTest.GOLD));
        List<CliCommand> commands = steps.stream().flatMap(s -> s.commands().stream()).toList();
        assertThat(commands).extracting(c -> c.argv().get(2)).contains("restore-table-to-point-in-time",
                "restore-table-from-backup", "start-restore-job", "import-table", "update-continuous-backups",
                "tag-resource");

        List<String> verdicts = validate(commands);

        assertThat(verdicts).hasSize(commands.size()).allSatisfy(v -> assertThat(v).matches("(OK|SKIP) .*"));
    }

    @Test
    void the_commands_that_say_how_to_look_by_hand_are_valid_too() throws Exception {
        String cause = "ThrottlingException";
        TableFacts f = RunbookTest.fixture();
        TableFacts unknown = new TableFacts(f.table(), f.tags(), null, null, Fact.failed(cause), Fact.failed(cause),
                Fact.failed(cause), Fact.failed(cause), Fact.failed(cause), Fact.failed(cause), Fact.failed(cause),
                Fact.failed(cause), Fact.failed(cause), f.collectedAt());
        List<CliCommand> commands = new ArrayList<>();
        Runbook.of(RunbookTest.ORDERS, unknown, Optional.empty(), RunbookTest.NOW, RunbookOptions.defaults())
                .forEach(s -> commands.addAll(s.commands()));
        Runbook.of(RunbookTest.ORDERS, f, Optional.empty(), RunbookTest.NOW, RunbookOptions.defaults())
                .stream().filter(s -> !s.available()).forEach(s -> commands.addAll(s.commands()));
        assertThat(commands).extracting(c -> c.argv().get(2)).contains("describe-continuous-backups", "list-backups",
                "list-recovery-points-by-resource", "list-exports", "describe-table");

        assertThat(validate(commands)).allSatisfy(v -> assertThat(v).matches("(OK|SKIP) .*"));
    }

    @Test
    void the_validator_rejects_a_misspelt_option_and_a_missing_required_member() throws Exception {
        List<String> verdicts = validate(List.of(
                new CliCommand("bad", List.of("aws", "dynamodb", "restore-table-from-backup", "--target-table-nam",
                        "orders-restored", "--backup-arn", RunbookTest.BACKUP_NEW, "--region", "eu-west-1")),
                new CliCommand("bad", List.of("aws", "dynamodb", "restore-table-from-backup", "--target-table-name",
                        "orders-restored", "--region", "eu-west-1"))));
        assertThat(verdicts.get(0)).startsWith("ERROR").contains("unknown option --target-table-nam");
        assertThat(verdicts.get(1)).startsWith("ERROR").contains("Missing required parameter", "BackupArn");
    }

    /** One verdict line per command: its line through bash, then botocore. */
    private static List<String> validate(List<CliCommand> commands) throws Exception {
        StringBuilder input = new StringBuilder();
        for (CliCommand c : commands) {
            input.append(JSON.writeValueAsString(Argv.ofLine(c.line()))).append('\n');
        }
        Process p = new ProcessBuilder("python3", script().toString()).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.toString().getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("python3 exit; output:\n%s", text).isZero();
        return text.lines().toList();
    }

    private static Path script() throws URISyntaxException {
        var url = RunbookBotocoreIT.class.getResource("/runbook/validate_with_botocore.py");
        assertThat(url).as("validator script on the test classpath").isNotNull();
        return Path.of(url.toURI());
    }

}
