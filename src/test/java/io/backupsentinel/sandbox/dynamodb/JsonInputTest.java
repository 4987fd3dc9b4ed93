package io.backupsentinel.sandbox.dynamodb;

import io.backupsentinel.sandbox.http.AwsError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonInputTest {
    private static JsonInput json(String s) {
        return JsonInput.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void epoch_second_timestamps_keep_their_fraction() {
        assertThat(json("{\"T\":1.517436532649E9}").timestamp("T")).isEqualTo(Instant.parse("2018-01-31T22:08:52.649Z"));
        assertThat(json("{\"T\":1700000000}").timestamp("T")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void a_number_out_of_its_range_is_a_validation_error_naming_the_member_as_aws_does() {
        assertThatThrownBy(() -> json("{\"Limit\":0}").integer("Limit", 1, 100))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value '0' at 'limit' failed to "
                            + "satisfy constraint: Member must have value greater than or equal to 1");
                });
    }

    @Test
    void a_value_outside_the_enum_is_a_validation_error() {
        assertThatThrownBy(() -> json("{\"BackupType\":\"WEEKLY\"}").enumValue("BackupType", List.of("USER", "ALL")))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.getMessage()).contains("'WEEKLY' at 'backupType'"));
    }

    @Test
    void a_body_that_is_not_json_is_a_serialization_error() {
        assertThatThrownBy(() -> json("{not json"))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("SerializationException"));
    }

    @Test
    void an_empty_body_reads_as_an_empty_request() {
        assertThat(JsonInput.parse(new byte[0]).has("TableName")).isFalse();
    }
}
