package io.backupsentinel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The config corpus: each malformed file through {@code audit --config F}, in-process. Every one must exit 2
 * with exactly one clean error naming the file (and its line and column where there is one), and no stack trace.
 */
class ConfigCorpusTest {
    @TempDir
    Path dir;

    static Stream<ConfigCorpus.Case> cases() {
        return ConfigCorpus.all().stream();
    }

    @Test
    void the_corpus_holds_at_least_a_hundred_files() {
        assertThat(ConfigCorpus.all()).hasSizeGreaterThanOrEqualTo(100)
                .extracting(ConfigCorpus.Case::name).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_malformed_config_gets_one_clean_located_error_and_exit_2(ConfigCorpus.Case c) throws IOException {
        Path file = Files.write(dir.resolve(c.name() + ".yml"), c.bytes());
        assertCleanRefusal(file, c.located());
    }

    @Test
    void a_directory_instead_of_a_file_is_refused_cleanly() throws IOException {
        Path file = Files.createDirectory(dir.resolve("sentinel.yml"));
        assertThat(assertCleanRefusal(file, false)).contains("is a directory");
    }

    @Test
    void a_missing_file_is_refused_naming_the_path_tried() {
        Path file = dir.resolve("absent.yml");
        assertThat(assertCleanRefusal(file, false)).contains("no such file (looked for " + file.toAbsolutePath());
    }

    @Test
    void an_unreadable_file_is_refused_cleanly() throws IOException {
        Path file = Files.writeString(dir.resolve("locked.yml"), "aws: {regions: [us-east-1]}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: permissions do not stop reading");
        assertThat(assertCleanRefusal(file, false)).contains("permission denied");
    }

    private static String assertCleanRefusal(Path file, boolean located) {
        CliRun run = CliRun.of("audit", "--config", file.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.showsAStackTrace()).as(run.out() + run.err()).isFalse();
        assertThat(run.out()).isEmpty();
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as("one error").hasSize(1);
        String where = located ? ":\\d+:\\d+: " : ": ";
        assertThat(lines.get(0)).matches(Pattern.quote(file.toString()) + where + ".+");
        assertThat(lines.get(0).length()).as("a readable length").isLessThan(400);
        return lines.get(0);
    }
}
