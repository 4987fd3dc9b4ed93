package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.sandbox.state.VirtualClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each invalid fixture fails with exactly the errors written beside it in FILE.expected. */
class InvalidScenarioTest {
    private static final Path DIR = Path.of("src/test/resources/scenarios/invalid");

    static Stream<Path> fixtures() throws IOException {
        return Files.list(DIR).filter(p -> p.toString().endsWith(".yml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void an_invalid_scenario_reports_every_error_with_file_line_and_column(Path fixture) throws IOException {
        Path expectedFile = Path.of(fixture.toString().replaceAll("\\.yml$", ".expected"));
        assertThat(expectedFile).as("expected errors beside the fixture").exists();
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load(fixture, VirtualClock.system()));
        assertThat(e).as("loading %s fails", fixture.getFileName()).isNotNull();
        assertThat(e.getMessage()).isEqualTo(Files.readString(expectedFile).strip());
        assertThat(e.errors()).allSatisfy(err -> {
            assertThat(err.file()).isEqualTo(fixture.getFileName().toString());
            assertThat(err.line()).isPositive();
            assertThat(err.column()).isPositive();
        });
    }
}
