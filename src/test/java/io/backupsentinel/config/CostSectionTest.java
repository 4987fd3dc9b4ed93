package io.backupsentinel.config;

import io.backupsentinel.cost.PriceTable;
import io.backupsentinel.cost.Prices;
import io.backupsentinel.yaml.YamlError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CostSectionTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("sentinel.yml"), yaml);
    }

    private List<String> errors(String yaml) throws IOException {
        Path file = write(yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SentinelConfig.load(file));
        assertThat(e).as("%s is refused", yaml).isNotNull();
        return e.errors().stream().map(YamlError::toString).map(s -> s.replace(file.toString(), "F")).toList();
    }

    @Test
    void without_the_section_the_estimate_uses_aws_list_prices() throws IOException {
        PriceTable p = SentinelConfig.load(write("aws: {regions: [us-east-1]}\n")).prices();
        assertThat(p).isEqualTo(PriceTable.AWS_LIST_PRICES);
        assertThat(p.in("eu-west-1")).isEqualTo(new Prices(0.20, 0.10, 0.10, 0.03, 0.023));
        assertThat(SentinelConfig.defaults().prices()).isEqualTo(p);
    }

    @Test
    void prices_and_region_overrides_are_read_and_an_override_keeps_the_prices_it_does_not_name()
            throws IOException {
        PriceTable p = SentinelConfig.load(write("""
                cost:
                  currency: USD
                  prices: {pitr: 0.25, export: 0.021}
                  regions:
                    eu-west-1: {pitr: 0.22, aws_backup_cold: 0.033}
                """)).prices();
        Prices defaults = new Prices(0.25, 0.10, 0.10, 0.03, 0.021);
        assertThat(p.defaults()).isEqualTo(defaults);
        assertThat(p.regions()).isEqualTo(Map.of("eu-west-1", new Prices(0.22, 0.10, 0.10, 0.033, 0.021)));
        assertThat(p.in("us-west-2")).isEqualTo(defaults);
    }

    @Test
    void bad_values_are_each_located_on_their_line() throws IOException {
        List<String> errors = errors("""
                cost:
                  currency: EUR
                  prices:
                    pitr: -1
                    on_demand: cheap
                    glacier: 0.004
                  regions:
                    Frankfurt: {pitr: 0.2}
                """);
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0)).startsWith("F:2:").contains("'EUR' is not supported: prices are in USD");
        assertThat(errors.get(1)).startsWith("F:4:").contains("pitr");
        assertThat(errors.get(2)).startsWith("F:5:").contains("on_demand");
        assertThat(errors.get(3)).startsWith("F:6:").contains("glacier: unknown key");
        assertThat(errors.get(4)).startsWith("F:8:").contains("'Frankfurt' is not a region name");
    }
}
