package io.backupsentinel.alert;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableRef;

import java.time.Instant;

/** Findings for the alert tests, with the rpo check's own wording where it matters. */
final class Findings {
    static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    static final String KEY = "0123456789abcdef0123456789abcdef";

    private Findings() {
    }

    static Finding rpo(String account, String region, String table, Status status, Instant at) {
        return finding("prod-rpo", "rpo", Severity.CRITICAL, account, region, table, status, at);
    }

    static Finding finding(String rule, String check, Severity severity, String account, String region, String table,
                           Status status, Instant at) {
        TableRef t = TableRef.of(account, region, table);
        String observed = switch (status) {
            case UNKNOWN -> "unknown";
            case NON_COMPLIANT -> "effective 26h (pitr); pitr 26h";
            default -> "effective 2h (pitr); pitr 2h";
        };
        String message = switch (status) {
            case UNKNOWN -> "could not read DescribeContinuousBackups: ThrottlingException";
            case NON_COMPLIANT -> "RPO breached: the newest restorable point is 26h old (pitr), over 24h.";
            case EXEMPT -> "exempt until 2026-07-01";
            case COMPLIANT -> "Restorable to 2h ago from pitr.";
        };
        return new Finding(account, region, table, t.arn(), rule, check, severity, status, observed,
                "newest restorable point ≤ 24h old (pitr, aws_backup)", message, at);
    }
}
