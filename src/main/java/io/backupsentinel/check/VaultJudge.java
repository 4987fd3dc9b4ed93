package io.backupsentinel.check;

import io.backupsentinel.model.Durations;
import io.backupsentinel.model.TimeMath;
import io.backupsentinel.model.Vault;

import java.time.Duration;
import java.util.List;

/**
 * Judges one vault against the {@code vault} check's parameters: lock, lock retention bounds and encryption
 * key. Adds what is wrong (with the command that fixes it) to {@code problems}, and what AWS did not report to
 * {@code unknown}.
 */
final class VaultJudge {
    private VaultJudge() {
    }

    static void judge(Vault v, VaultCheck.P p, List<String> problems, List<String> unknown) {
        long minDays = p.minRetention().map(Duration::toDays).orElse(v.minRetentionDays() == null ? 1 : v.minRetentionDays());
        long maxDays = p.maxRetention().map(Duration::toDays).orElse(v.maxRetentionDays() == null ? 36500 : v.maxRetentionDays());
        String lockFix = "aws backup put-backup-vault-lock-configuration --region " + v.region() + " --backup-vault-name "
                + v.name() + " --min-retention-days " + minDays + " --max-retention-days " + maxDays;
        if (p.requireLock() && !v.locked()) {
            problems.add("Vault " + v.name() + " is not locked, so its recovery points can be deleted; lock it: " + lockFix + ".");
        }
        p.minRetention().ifPresent(min -> {
            if (v.minRetentionDays() == null || TimeMath.days(v.minRetentionDays()).compareTo(min) < 0) {
                problems.add("Vault " + v.name() + " lock minimum retention is "
                        + (v.minRetentionDays() == null ? "unset" : v.minRetentionDays() + "d") + ", under "
                        + Durations.format(min) + "; raise it: " + lockFix + ".");
            }
        });
        p.maxRetention().ifPresent(max -> {
            if (v.maxRetentionDays() == null || TimeMath.days(v.maxRetentionDays()).compareTo(max) > 0) {
                problems.add("Vault " + v.name() + " lock maximum retention is "
                        + (v.maxRetentionDays() == null ? "unset" : v.maxRetentionDays() + "d") + ", over "
                        + Durations.format(max) + "; lower it: " + lockFix + ".");
            }
        });
        String keyFix = " A vault's key cannot be changed: create a vault with aws backup create-backup-vault "
                + "--encryption-key-arn KEY_ARN, point the plan rules at it, and let the old points expire.";
        if (p.requireCustomerManagedKey()) {
            if (v.encryptionKeyType() == null) {
                unknown.add("AWS did not report the encryption key type of vault " + v.name());
            } else if (!VaultCheck.CUSTOMER_MANAGED.equals(v.encryptionKeyType())) {
                problems.add("Vault " + v.name() + " is encrypted with " + v.encryptionKeyType()
                        + ", not a customer-managed KMS key." + keyFix);
            }
        }
        if (!p.kmsKeyArns().isEmpty() && !Globs.matchesAnyOrNone(p.kmsKeyArns(), v.encryptionKeyArn())) {
            if (v.encryptionKeyArn() == null && v.encryptionKeyType() == null) {
                unknown.add("AWS did not report the encryption key of vault " + v.name());
            } else {
                problems.add("Vault " + v.name() + " is encrypted with " + (v.encryptionKeyArn() == null
                        ? v.encryptionKeyType() : v.encryptionKeyArn()) + ", not one of the allowed keys." + keyFix);
            }
        }
    }

    static String describe(Vault v) {
        return v.name() + " " + (v.locked() ? "locked min " + days(v.minRetentionDays()) + " max " + days(v.maxRetentionDays())
                : "unlocked") + ", " + (v.encryptionKeyType() == null ? "key type unreported" : v.encryptionKeyType());
    }

    private static String days(Long d) {
        return d == null ? "unset" : d + "d";
    }
}
