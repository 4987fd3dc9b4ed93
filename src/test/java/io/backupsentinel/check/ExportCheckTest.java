package io.backupsentinel.check;

import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.Status;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.SpecParams;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static io.backupsentinel.testing.CheckFactsBuilder.export;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportCheckTest {
    private final ExportCheck check = new ExportCheck();

    @Test
    void a_kms_export_20h_old_is_compliant_within_a_day() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("orders").exports(export("COMPLETED", Duration.ofHours(20), "KMS"))
                .build(), SpecParams.bind(check, "max_age", "1d", "require_kms", true), NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).isEqualTo("newest COMPLETED 20h ago to exports-bucket (KMS)");
    }

    @Test
    void an_old_export_with_a_newer_failure_reports_aws_failure_code_and_message() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("events").exports(export("COMPLETED", Duration.ofDays(40), "AES256"),
                export("FAILED", Duration.ofDays(1), null)).build(), SpecParams.bind(check, "max_age", "7d"), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).isEqualTo("newest COMPLETED 40d ago to exports-bucket (AES256); newer FAILED 1d ago (S3NoSuchBucket)");
        assertThat(o.message()).contains("40d old, over 7d")
                .contains("A newer export failed 1d ago: S3NoSuchBucket The specified bucket does not exist")
                .contains("aws dynamodb export-table-to-point-in-time --region us-east-1 --table-arn");
    }

    @Test
    void an_export_exactly_max_age_old_is_compliant() {
        assertThat(check.evaluate(CheckFactsBuilder.table("t").exports(export("COMPLETED", Duration.ofDays(7), "KMS")).build(),
                SpecParams.bind(check, "max_age", "7d"), NOW).status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void a_recent_export_with_a_newer_failure_is_compliant_but_mentions_it() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").exports(export("COMPLETED", Duration.ofDays(2), "KMS"),
                export("FAILED", Duration.ofHours(3), null)).build(), SpecParams.bind(check, "max_age", "7d"), NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.message()).contains("A newer export failed 3h ago: S3NoSuchBucket");
    }

    @Test
    void an_sse_s3_export_fails_require_kms() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").exports(export("COMPLETED", Duration.ofHours(2), "AES256")).build(),
                SpecParams.bind(check, "max_age", "7d", "require_kms", true), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("encrypted with AES256, not SSE-KMS").contains("--s3-sse-algorithm KMS");
    }

    @Test
    void no_completed_export_is_non_compliant() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").exports(export("IN_PROGRESS", Duration.ofMinutes(5), null)).build(),
                SpecParams.bind(check, "max_age", "7d"), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).isEqualTo("no completed export");
    }

    @Test
    void exports_unknown_is_unknown() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").failed(FactKind.EXPORTS, "ListExports: AccessDenied").build(),
                SpecParams.bind(check, "max_age", "7d"), NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).isEqualTo("Exports unknown: ListExports: AccessDenied");
    }

    @Test
    void max_age_is_required() {
        assertThatThrownBy(() -> SpecParams.bind(check)).hasMessageContaining("max_age is required");
    }
}
