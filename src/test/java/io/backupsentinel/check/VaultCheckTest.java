package io.backupsentinel.check;

import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Vault;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.SpecParams;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.backupsentinel.testing.CheckFactsBuilder.ACCOUNT;
import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static io.backupsentinel.testing.CheckFactsBuilder.REGION;
import static io.backupsentinel.testing.CheckFactsBuilder.ago;
import static io.backupsentinel.testing.CheckFactsBuilder.vaultArn;
import static io.backupsentinel.testing.CheckPlans.byArn;
import static io.backupsentinel.testing.CheckPlans.plan;
import static io.backupsentinel.testing.CheckPlans.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VaultCheckTest {
    private static final String CMK = "arn:aws:kms:us-east-1:111111111111:key/1234";
    private static final Vault PROD = new Vault("prod-vault", vaultArn(REGION, ACCOUNT, "prod-vault"), true, 7L, 365L,
            ago(Duration.ofDays(100)), CMK, VaultCheck.CUSTOMER_MANAGED, "BACKUP_VAULT");
    private static final Vault LEGACY = new Vault("legacy-vault", vaultArn(REGION, ACCOUNT, "legacy-vault"), false, null,
            null, null, "arn:aws:kms:us-east-1:111111111111:key/aws-owned", "AWS_OWNED_KMS_KEY", "BACKUP_VAULT");

    private final VaultCheck check = new VaultCheck();
    private final VaultCheck.P strict = SpecParams.bind(check, "min_retention", "7d", "max_retention", "365d",
            "require_customer_managed_key", true);

    private static CheckFactsBuilder withPointsIn(String table, String vault) {
        CheckFactsBuilder f = CheckFactsBuilder.table(table);
        return f.recoveryPoints(f.point(vault, Duration.ofHours(1), "COMPLETED", 35L)).vaults(PROD, LEGACY);
    }

    @Test
    void a_locked_cmk_vault_within_bounds_is_compliant() {
        Outcome o = check.evaluate(withPointsIn("orders", "prod-vault").build(), strict, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).isEqualTo("vaults holding its recovery points: prod-vault locked min 7d max 365d, "
                + "CUSTOMER_MANAGED_KMS_KEY");
    }

    @Test
    void an_unlocked_aws_owned_key_vault_is_non_compliant_with_each_reason() {
        Outcome o = check.evaluate(withPointsIn("audit-log", "legacy-vault").build(), strict, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("Vault legacy-vault is not locked")
                .contains("aws backup put-backup-vault-lock-configuration --region us-east-1 --backup-vault-name "
                        + "legacy-vault --min-retention-days 7 --max-retention-days 365")
                .contains("lock minimum retention is unset")
                .contains("encrypted with AWS_OWNED_KMS_KEY, not a customer-managed KMS key");
    }

    @Test
    void lock_bounds_exactly_at_the_limits_are_compliant_and_outside_them_are_not() {
        assertThat(check.evaluate(withPointsIn("t", "prod-vault").build(),
                SpecParams.bind(check, "min_retention", "7d", "max_retention", "365d"), NOW).status()).isEqualTo(Status.COMPLIANT);
        Outcome o = check.evaluate(withPointsIn("t", "prod-vault").build(),
                SpecParams.bind(check, "min_retention", "14d", "max_retention", "100d"), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("minimum retention is 7d, under 14d").contains("maximum retention is 365d, over 100d");
    }

    @Test
    void the_key_must_be_an_allowed_one_when_kms_key_arns_are_given() {
        assertThat(check.evaluate(withPointsIn("t", "prod-vault").build(),
                SpecParams.bind(check, "kms_key_arns", List.of("arn:aws:kms:us-east-1:111111111111:key/*")), NOW).status())
                .isEqualTo(Status.COMPLIANT);
        assertThat(check.evaluate(withPointsIn("t", "prod-vault").build(),
                SpecParams.bind(check, "kms_key_arns", List.of("arn:aws:kms:us-east-1:111111111111:key/other")), NOW).message())
                .contains("not one of the allowed keys");
    }

    @Test
    void without_recovery_points_the_plan_target_vaults_are_judged() {
        CheckFactsBuilder f = CheckFactsBuilder.table("new-table");
        f.plans(plan("legacy-plan", List.of(rule("daily", "cron(0 5 ? * * *)", "legacy-vault", 35L)), byArn("s", f.arn())))
                .vaults(PROD, LEGACY);
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).startsWith("vaults targeted by its plans: legacy-vault unlocked");
    }

    @Test
    void no_points_and_no_plan_is_non_compliant() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("scratch").build(), SpecParams.bind(check), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).isEqualTo("no recovery points, in no plan");
    }

    @Test
    void a_copy_in_another_region_whose_vault_was_not_collected_is_named_not_judged() {
        CheckFactsBuilder f = CheckFactsBuilder.table("orders");
        RecoveryPoint copy = new RecoveryPoint("arn:aws:backup:eu-west-1:111111111111:recovery-point:c1", f.arn(),
                "dr-vault", vaultArn("eu-west-1", ACCOUNT, "dr-vault"), ago(Duration.ofHours(3)), NOW, "COMPLETED",
                35L, null, null, true, CMK, vaultArn(REGION, ACCOUNT, "prod-vault"));
        f.recoveryPoints(f.point("prod-vault", Duration.ofHours(1), "COMPLETED", 35L), copy).vaults(PROD);
        Outcome o = check.evaluate(f.build(), strict, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).contains("dr-vault (arn:aws:backup:eu-west-1:111111111111:backup-vault:dr-vault): not judged");
    }

    @Test
    void a_same_region_vault_that_was_not_described_is_unknown() {
        CheckFactsBuilder f = withPointsIn("t", "prod-vault").vaults(LEGACY);
        Outcome o = check.evaluate(f.build(), strict, NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).isEqualTo("vault prod-vault was not described");
    }

    @Test
    void an_unreported_key_type_is_unknown_when_a_customer_key_is_required() {
        Vault noType = new Vault("prod-vault", PROD.arn(), true, 7L, 365L, null, CMK, null, "BACKUP_VAULT");
        Outcome o = check.evaluate(withPointsIn("t", "prod-vault").vaults(noType).build(), strict, NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).contains("did not report the encryption key type of vault prod-vault");
    }

    @Test
    void recovery_points_unknown_is_unknown() {
        assertThat(check.evaluate(CheckFactsBuilder.table("t").failed(FactKind.RECOVERY_POINTS, "AccessDenied").build(),
                strict, NOW).message()).isEqualTo("AWS Backup recovery points unknown: AccessDenied");
    }

    @Test
    void vaults_unknown_is_unknown() {
        Outcome o = check.evaluate(withPointsIn("t", "prod-vault").failed(FactKind.VAULTS, "DescribeBackupVault: Throttled")
                .build(), strict, NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).isEqualTo("Backup vaults unknown: DescribeBackupVault: Throttled");
    }

    @Test
    void plans_unknown_is_unknown_when_there_are_no_points() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").failed(FactKind.PLANS, "AccessDenied").build(), strict, NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).contains("backup plans are unknown: AccessDenied");
    }

    @Test
    void min_retention_above_max_retention_is_refused() {
        assertThatThrownBy(() -> SpecParams.bind(check, "min_retention", "30d", "max_retention", "7d"))
                .hasMessage("min_retention (30d) is above max_retention (7d)");
    }
}
