package io.backupsentinel.report.period;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Transition;
import io.backupsentinel.store.HistoryStore;
import io.backupsentinel.store.StoreSettings;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A history with known violations, written through the real store: the period is 2026-10-01 (one day, UTC).
 * The figures the tests expect are worked out by hand in {@link PeriodReportsTest}.
 */
public final class ScenarioHistory {
    public static final String ACCOUNT = "111111111111";
    public static final String REGION = "eu-west-1";
    public static final String ORDERS = "orders";
    public static final String LEDGER = "ledger";
    public static final String EVIL = "=cmd|' /C calc'!A0";
    public static final String RPO = "rpo-critical";
    public static final String PITR = "pitr-on";
    public static final String RESTORE = "restore-weekly";
    public static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    public static final Instant TO = Instant.parse("2026-10-02T00:00:00Z");
    public static final Instant NOW = Instant.parse("2026-10-02T06:00:00Z");
    public static final Instant FIRST = Instant.parse("2026-09-20T00:00:00Z");
    public static final String EXEMPT_MESSAGE = "exempt until 2026-10-01, approved by alice@example.com: migration to"
            + " the new cluster; without it: NON_COMPLIANT: PITR is disabled";
    public static final List<RuleInfo> RULES = List.of(
            new RuleInfo(RPO, "rpo", Severity.CRITICAL, List.of("SOC2 CC9.1"), "Every table has a recovery point within 1h."),
            new RuleInfo(PITR, "pitr", Severity.HIGH, List.of("ISO27001 A.8.13", "SOC2 CC9.1"), "PITR is on."),
            new RuleInfo(RESTORE, "restore_test", Severity.MEDIUM, List.of(), "A validated restore every week."));

    private final Map<String, Finding> current = new HashMap<>();
    private final HistoryStore store;

    private ScenarioHistory(HistoryStore store) {
        this.store = store;
    }

    public static HistoryStore write(Path dataDir) {
        HistoryStore store = HistoryStore.open(StoreSettings.sqlite(dataDir));
        ScenarioHistory h = new ScenarioHistory(store);
        h.tags(ORDERS, "{\"env\":\"prod\"}", "2026-09-20T00:00:00Z");
        h.tags(LEDGER, "{\"env\":\"dev\"}", "2026-09-20T00:00:00Z");
        h.set(RPO, "rpo", ORDERS, Status.COMPLIANT, "age 10m", "2026-09-20T00:00:00Z");
        h.set(PITR, "pitr", LEDGER, Status.EXEMPT, EXEMPT_MESSAGE, "2026-09-25T00:00:00Z");
        h.set(RESTORE, "restore_test", ORDERS, Status.COMPLIANT, "validated restore 2h ago, took 25m", "2026-09-28T00:00:00Z");
        h.set(RPO, "rpo", ORDERS, Status.NON_COMPLIANT, "age 1h 0m", "2026-09-30T22:00:00Z");
        h.set(PITR, "pitr", LEDGER, Status.NON_COMPLIANT, "PITR is disabled", "2026-10-01T00:05:00Z");
        store.history().append(List.of(), List.of(new PostureChange(ref(LEDGER), PostureChange.Aspect.PITR_ENABLED,
                "enabled", "disabled", Instant.parse("2026-10-01T00:05:00Z"))), List.of());
        h.set(RPO, "rpo", ORDERS, Status.COMPLIANT, "age 5m", "2026-10-01T01:30:15Z");
        h.set(RPO, "rpo", ORDERS, Status.UNKNOWN, "throttled", "2026-10-01T06:00:00Z");
        h.set(RPO, "rpo", ORDERS, Status.COMPLIANT, "age 7m", "2026-10-01T08:00:00Z");
        h.close(PITR, LEDGER, "2026-10-01T10:00:00Z");
        h.set(RPO, "rpo", EVIL, Status.COMPLIANT, "age 1m", "2026-10-01T12:00:00Z");
        h.set(RESTORE, "restore_test", ORDERS, Status.NON_COMPLIANT, "last validated restore 8d ago", "2026-10-01T12:00:00Z");
        h.set(RPO, "rpo", ORDERS, Status.NON_COMPLIANT, "age 1h 0m", "2026-10-01T20:00:00Z");
        // After the period: must not count.
        h.set(RPO, "rpo", ORDERS, Status.COMPLIANT, "age 1m", "2026-10-02T03:00:00Z");
        return store;
    }

    static TableRef ref(String table) {
        return TableRef.of(ACCOUNT, REGION, table);
    }

    static Finding finding(String rule, String check, String table, Status status, String words, Instant at) {
        Severity severity = RULES.stream().filter(r -> r.name().equals(rule)).findFirst().orElseThrow().severity();
        return new Finding(ACCOUNT, REGION, table, ref(table).arn(), rule, check, severity, status,
                status == Status.EXEMPT ? "PITR is disabled" : words, "as the rule says",
                status == Status.EXEMPT ? words : status + ": " + words, at);
    }

    private void set(String rule, String check, String table, Status status, String words, String at) {
        Finding f = finding(rule, check, table, status, words, Instant.parse(at));
        Finding was = current.put(rule + "/" + table, f);
        store.history().append(List.of(was == null ? Transition.opened(f) : Transition.changed(was, f)), List.of(), List.of());
    }

    private void close(String rule, String table, String at) {
        Finding was = current.remove(rule + "/" + table);
        store.history().append(List.of(Transition.closed(was, Instant.parse(at))), List.of(), List.of());
    }

    private void tags(String table, String json, String at) {
        store.history().append(List.of(), List.of(new PostureChange(ref(table), PostureChange.Aspect.TABLE_TAGS, null,
                json, Instant.parse(at))), List.of());
    }
}
