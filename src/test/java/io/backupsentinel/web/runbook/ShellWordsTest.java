package io.backupsentinel.web.runbook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellWordsTest {
    @Test
    void arns_and_plain_names_stay_bare() {
        assertThat(ShellWords.quote("arn:aws:dynamodb:us-east-1:111111111111:table/orders"))
                .isEqualTo("arn:aws:dynamodb:us-east-1:111111111111:table/orders");
        assertThat(ShellWords.quote("PointInTimeRecoveryEnabled=true,RecoveryPeriodInDays=7"))
                .isEqualTo("PointInTimeRecoveryEnabled=true,RecoveryPeriodInDays=7");
    }

    @Test
    void a_single_quote_is_closed_escaped_and_reopened() {
        assertThat(ShellWords.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void the_empty_word_is_kept_as_an_empty_argument() {
        assertThat(Argv.ofLine(ShellWords.join(List.of("a", "", "b")))).containsExactly("a", "", "b");
    }

    @Test
    void a_first_word_with_an_equals_sign_is_a_program_not_an_assignment() {
        assertThat(ShellWords.join(List.of("A=b", "c=d"))).isEqualTo("'A=b' c=d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$(touch /tmp/pwned)", "`id`", "a b\tc", "x;rm -rf ~", "it's", "''", "\"q\"", "*",
            "~root", "#comment", "line\nbreak", "back\\slash", "!!", "$HOME", "{a,b}", "a|b&c>d<e", "--flag",
            "{\"targetTableName\":\"o'brien\"}", "ünï©ødé"})
    void bash_hands_every_odd_value_back_unchanged(String value) {
        assertThat(Argv.ofLine(ShellWords.join(List.of("aws", "--x", value)))).containsExactly("aws", "--x", value);
    }
}
