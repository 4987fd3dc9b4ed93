package io.backupsentinel.rule;

import io.backupsentinel.check.Check;
import io.backupsentinel.check.CheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Meta-test over the real registry: the YAML examples shown in the rule reference load as they are written. */
class CheckExamplesTest {

    @Test
    void every_checks_example_is_a_valid_rule(@TempDir Path dir) throws IOException {
        CheckRegistry registry = CheckRegistry.standard();
        assertThat(registry.all()).isNotEmpty();
        for (Check<?> check : registry.all()) {
            String indented = check.spec().example().lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
            Path file = Files.writeString(dir.resolve(check.spec().name() + ".yml"), "rules:\n" + indented + "\n");

            LoadResult result = new RuleLoader(registry).load(file);

            assertThat(result.errorLines()).as(check.spec().name()).isEmpty();
            assertThat(result.ruleSet().rules()).extracting(Rule::checkName).containsOnly(check.spec().name());
        }
    }
}
