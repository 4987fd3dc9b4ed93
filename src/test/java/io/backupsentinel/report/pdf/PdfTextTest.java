package io.backupsentinel.report.pdf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PdfTextTest {
    @Test
    void western_european_text_is_kept_as_it_is() {
        assertThat(PdfText.safe("Caf\u00e9 \u00fcber \u20ac5 \u2013 \u201cok\u201d")).isEqualTo("Caf\u00e9 \u00fcber \u20ac5 \u2013 \u201cok\u201d");
    }

    @Test
    void a_letter_helvetica_lacks_becomes_its_base_letter_when_it_has_one() {
        assertThat(PdfText.safe("\u0151\u017a\u0107")).isEqualTo("ozc");
    }

    @Test
    void the_signs_findings_use_are_spelled_as_typed() {
        assertThat(PdfText.safe("validated restore \u2264 30d old, kept \u2265 35d"))
                .isEqualTo("validated restore <= 30d old, kept >= 35d");
        assertThat(PdfText.safe("copy action gold-plan/hourly \u2192 arn:aws:backup:eu-west-1:1:backup-vault:dr"))
                .isEqualTo("copy action gold-plan/hourly -> arn:aws:backup:eu-west-1:1:backup-vault:dr");
        // "≠" decomposes to "=" and a combining mark: it must not lose the mark and read as its opposite.
        assertThat(PdfText.safe("status \u2260 FAILED")).isEqualTo("status != FAILED");
        assertThat(PdfText.safe("age \u226e 1h")).isEqualTo("age [U+226E] 1h");
    }

    @Test
    void other_characters_become_their_code_point_so_names_stay_distinct() {
        assertThat(PdfText.safe("\u6771\u4eac")).isEqualTo("[U+6771][U+4EAC]");
        assertThat(PdfText.safe("lock \ud83d\udd12")).isEqualTo("lock [U+1F512]");
        assertThat(PdfText.safe("\u0141")).isEqualTo("[U+0141]");
    }

    @Test
    void control_characters_become_spaces_and_null_becomes_empty() {
        assertThat(PdfText.safe("a\nb\tc\u0000d")).isEqualTo("a b c d");
        assertThat(PdfText.safe(null)).isEmpty();
    }

    @Test
    void durations_are_written_to_the_second() {
        assertThat(Texts.duration(0)).isEqualTo("0s");
        assertThat(Texts.duration(125)).isEqualTo("2m 5s");
        assertThat(Texts.duration(7_200)).isEqualTo("2h 0m 0s");
        assertThat(Texts.duration(3 * 86_400 + 7)).isEqualTo("3d 0h 0m 7s");
    }

    @Test
    void a_missing_share_is_a_dash_not_null() {
        assertThat(Texts.percent(new java.math.BigDecimal("99.99"))).isEqualTo("99.99%");
        assertThat(Texts.percent(null)).isEqualTo("\u2014");
    }
}
