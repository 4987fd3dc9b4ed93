package io.backupsentinel.rule;

import io.backupsentinel.check.CheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every case under {@code src/test/resources/rules/invalid/}: a rule file {@code NAME.yml} (or a directory
 * {@code NAME/} of them) and beside it {@code NAME.expected}, the exact lines {@code validate} must print, with
 * paths relative to the corpus directory. Names start with the layer that catches the problem: syntax-,
 * structure-, schema-, meaning-.
 */
class InvalidRuleCorpusTest {
    private static final CheckRegistry REGISTRY = CheckRegistry.standard();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> entries = Files.list(Fixtures.INVALID)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".expected"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void each_invalid_case_reports_exactly_its_expected_errors(String name) throws IOException {
        Path expectedFile = Fixtures.INVALID.resolve(name.replaceFirst("\\.ya?ml$", "") + ".expected");
        List<String> expected = Files.readAllLines(expectedFile).stream().filter(l -> !l.isBlank()).toList();

        LoadResult result = new RuleLoader(REGISTRY).load(Fixtures.INVALID.resolve(name));

        assertThat(result.isValid()).as("%s must be rejected", name).isFalse();
        String prefix = Fixtures.INVALID + File.separator;
        assertThat(result.errorLines()).extracting(l -> l.replace(prefix, ""))
                .containsExactlyElementsOf(expected);
        assertThatThrownBy(result::ruleSet).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_corpus_covers_every_layer_with_at_least_thirty_cases() throws IOException {
        List<String> names = cases().toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(30);
        assertThat(names).anyMatch(n -> n.startsWith("syntax-"))
                .anyMatch(n -> n.startsWith("structure-"))
                .anyMatch(n -> n.startsWith("schema-"))
                .anyMatch(n -> n.startsWith("meaning-"));
        assertThat(names).allSatisfy(n -> assertThat(Fixtures.INVALID
                .resolve(n.replaceFirst("\\.ya?ml$", "") + ".expected")).exists());
    }

    @Test
    void a_file_with_problems_in_every_layer_reports_them_all_at_once() throws IOException {
        LoadResult result = new RuleLoader(REGISTRY).load(Fixtures.INVALID.resolve("several-errors.yml"));
        assertThat(result.errors()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(result.errors()).extracting(RuleError::rule).contains("prod-rpo", "Exports", "nightly");
    }

    @Test
    void one_bad_file_keeps_the_whole_directory_from_being_applied() {
        LoadResult result = new RuleLoader(REGISTRY).load(Fixtures.INVALID.resolve("one-bad-file"));
        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).extracting(RuleError::file)
                .containsOnly(Fixtures.INVALID.resolve("one-bad-file/zz-bad.yml").toString());
        assertThat(new RuleLoader(REGISTRY).load(Fixtures.INVALID.resolve("one-bad-file/good.yml")).isValid())
                .as("the good file on its own is valid").isTrue();
    }

    @Test
    void a_directory_without_rule_files_is_an_error(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("README.md"), "rules go in *.yml");
        LoadResult result = new RuleLoader(REGISTRY).load(dir);
        assertThat(result.errorLines()).containsExactly(dir + ": no rule files (*.yml, *.yaml) in this directory");
    }

    @Test
    void a_directory_whose_only_file_is_comments_loads_no_rules_and_is_an_error(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("empty.yml"), "# nothing yet\n");
        LoadResult result = new RuleLoader(REGISTRY).load(dir);
        assertThat(result.isValid()).isFalse();
        assertThat(result.errorLines()).containsExactly(dir + ": no rules loaded: empty.yml is empty or only"
                + " comments; a rule set needs at least one rule");
    }
}
