package io.backupsentinel.store;

import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.OutboxEvent;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableRef;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small builders of the records the store tests write. */
final class Records {
    static final String ACCOUNT = "111111111111";
    static final String REGION = "eu-west-1";
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00.123456789Z");

    private Records() {
    }

    static Finding finding(String rule, String table, Status status, Instant at) {
        return new Finding(ACCOUNT, REGION, table, TableRef.of(ACCOUNT, REGION, table).arn(), rule, "rpo",
                Severity.CRITICAL, status, "age 3h", "age <= 2h", status == Status.NON_COMPLIANT ? "take a backup" : "ok",
                at);
    }

    static PostureChange pitrSwitchedOff(String table, Instant at) {
        return new PostureChange(TableRef.of(ACCOUNT, REGION, table), PostureChange.Aspect.PITR_ENABLED, "enabled",
                "disabled", at);
    }

    static AuditRun run(Instant at) {
        return new AuditRun(at, Duration.ofMillis(1234), List.of(ACCOUNT + "/" + REGION), List.of("rpo-critical"), 2, 2,
                Map.of("dynamodb:ListTables", 1L, "backup:ListBackupPlans", 2L), Map.of());
    }

    static OutboxEvent event(String dedup, String action, Instant at) {
        return OutboxEvent.of("pagerduty", dedup, action, "{\"event_action\":\"" + action + "\"}", at);
    }

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }
}
