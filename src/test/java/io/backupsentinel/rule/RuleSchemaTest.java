package io.backupsentinel.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.backupsentinel.check.CheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** What editors use: the schema of the real checks. */
    private final JsonSchema shipped = compile(RuleSchema.generate(CheckRegistry.standard()));

    /**
     * The shipped schema is the one the registry generates. When a check changes, regenerate it from the
     * repository root with:
     * {@code mvn -B -q compile exec:java -Dexec.mainClass=io.backupsentinel.rule.RuleSchema -Dexec.args=rules/schema.json}
     */
    @Test
    void the_committed_schema_is_the_generated_one() throws IOException {
        assertThat(Files.readString(Path.of("rules/schema.json"))).isEqualTo(RuleSchema.generate(CheckRegistry.standard()));
    }

    @Test
    void every_valid_fixture_passes_the_schema() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Fixtures.VALID)) {
            files = walk.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            assertThat(validate(file)).as(file.toString()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"structure-unknown-top-key.yml", "structure-unknown-rule-key.yml", "structure-bad-name.yml",
            "structure-rules-not-list.yml", "structure-tables-not-list.yml", "schema-unknown-check.yml",
            "schema-unknown-param.yml", "schema-missing-required-param.yml", "schema-bad-duration.yml",
            "schema-bad-enum.yml", "schema-boolean-type.yml", "schema-integer-bounds.yml", "schema-bad-severity.yml",
            "schema-missing-severity.yml", "schema-tier-bad-values.yml", "schema-tier-missing-tag.yml",
            "meaning-schedule-both.yml", "meaning-exemption-incomplete.yml", "meaning-exemption-bad-date.yml",
            "meaning-bad-globs.yml"})
    void invalid_fixtures_that_a_schema_can_judge_are_rejected(String name) throws IOException {
        assertThat(validate(Fixtures.INVALID.resolve(name))).isNotEmpty();
    }

    @Test
    void params_of_a_check_carry_types_enums_defaults_and_descriptions() throws IOException {
        JsonNode schema = Json.MAPPER.readTree(RuleSchema.generate(CatalogLikeChecks.registry()));
        JsonNode rpo = schema.at("/$defs/params-rpo");
        assertThat(rpo.at("/required").toString()).isEqualTo("[\"max_age\"]");
        assertThat(rpo.at("/properties/max_age/$ref").asText()).isEqualTo("#/$defs/duration");
        assertThat(rpo.at("/properties/sources/items/enum").toString())
                .isEqualTo("[\"pitr\",\"on_demand\",\"aws_backup\",\"export\"]");
        assertThat(rpo.at("/properties/sources/default").toString())
                .isEqualTo("[\"pitr\",\"on_demand\",\"aws_backup\",\"export\"]");
        assertThat(rpo.at("/properties/vaults/description").asText()).isNotBlank();
        assertThat(schema.at("/$defs/params-retention/properties/min_count/minimum").asLong()).isZero();
        assertThat(schema.at("/$defs/tierParams-rpo/required").isMissingNode()).isTrue();
        assertThat(schema.at("/$defs/rule/properties/check/enum")).hasSize(9);
    }

    private Set<ValidationMessage> validate(Path yamlFile) throws IOException {
        return shipped.validate(YAML.readTree(yamlFile.toFile()));
    }

    private static JsonSchema compile(String schema) {
        try {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Json.MAPPER.readTree(schema), config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
