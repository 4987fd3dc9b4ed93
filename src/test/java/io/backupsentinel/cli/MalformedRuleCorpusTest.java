package io.backupsentinel.cli;

import io.backupsentinel.check.CheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated corpus of malformed rule inputs (every parameter of every check, every rule key, schedules, scopes,
 * tiers, exemptions, YAML faults, aliases, nesting and filesystem faults), each run through the real command
 * line: {@code validate} must exit 1 with exactly the expected error lines, at the expected
 * {@code FILE:LINE:COLUMN}, and no stack trace; for every tenth, {@code audit --sandbox} must exit 2, never 1.
 */
class MalformedRuleCorpusTest {
    private static final AtomicInteger CASE = new AtomicInteger();

    @TempDir
    static Path root;

    static List<RuleFault> corpus() {
        List<RuleFault> all = new ArrayList<>(ParamFaults.all(CheckRegistry.standard()));
        all.addAll(StructureFaults.all());
        all.addAll(FileFaults.all());
        return all;
    }

    @Test
    void the_corpus_holds_at_least_five_hundred_malformed_inputs() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(500);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void each_malformed_input_gets_one_clean_located_error_and_no_stack_trace(RuleFault fault) throws IOException {
        int n = CASE.incrementAndGet();
        Path dir = Files.createDirectory(root.resolve("case-" + n));
        fault.layout().write(dir);

        Cli validate = Cli.run("validate", "--rules", dir.toString());

        assertThat(validate.showsAStackTrace()).as("%s printed:%n%s", fault, validate.all()).isFalse();
        assertThat(validate.exit()).as("%s printed:%n%s", fault, validate.all()).isEqualTo(1);
        List<String> errors = validate.errorLines();
        assertThat(errors).as("%s", fault).hasSize(fault.errors());
        String first = errors.get(0);
        assertThat(first).as("%s", fault).contains(fault.fragment());
        if (fault.line() > 0) {
            assertThat(first).as("%s", fault).startsWith(dir.resolve(RuleFault.FILE).getParent() + "/")
                    .matches("^[^:]+:" + fault.line() + ":" + fault.column() + ": .*");
        } else if (fault.line() == 0) {
            assertThat(first).as("%s", fault).matches("^[^:]+: .*");
        } else {
            assertThat(first).as("%s", fault).matches("^[^:]+:[0-9]+:[0-9]+: .*");
        }
        if (n % 10 == 0) {
            Cli audit = Cli.run("audit", "--sandbox", "--rules", dir.toString());
            assertThat(audit.showsAStackTrace()).as("%s printed:%n%s", fault, audit.all()).isFalse();
            assertThat(audit.exit()).as("%s: audit exits 2 for an input error", fault).isEqualTo(2);
        }
    }
}
