package io.backupsentinel.metrics;

import java.util.List;

/**
 * Every metric that Backup Sentinel exposes: name, type, labels and help text, in one place. The names
 * are a contract with {@code alerts/}, {@code dashboards/} and users' own queries (see ARCHITECTURE.md).
 * Fleet families are rendered by {@link FleetExposition}; the others are Micrometer meters registered by
 * {@link SelfMetrics}, whose Prometheus names Micrometer derives from the dotted names below (a counter
 * gains {@code _total}, a timer {@code _seconds}).
 */
public final class Meters {
    private Meters() {
    }

    /** A family written by hand into the exposition text. */
    public record Family(String name, String type, String help, List<String> labels) {
        /** The {@code # HELP} and {@code # TYPE} lines that open the family. */
        String header() {
            return "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
        }
    }

    public static final Family FINDING = new Family("backup_sentinel_finding", "gauge",
            "Always 1: one series per rule and table, whose status label is the current status (a unitless marker).",
            List.of("rule", "check", "severity", "account", "region", "table", "status"));
    public static final Family FINDINGS = new Family("backup_sentinel_findings", "gauge",
            "Number of findings per rule, severity, account, region and status (a count of tables).",
            List.of("rule", "severity", "account", "region", "status"));
    public static final Family RECOVERY_POINT_AGE = new Family("backup_sentinel_recovery_point_age_seconds", "gauge",
            "Age in seconds of the newest restorable point of a table per source, source effective being the youngest.",
            List.of("account", "region", "table", "source"));
    public static final Family RPO_TARGET = new Family("backup_sentinel_rpo_target_seconds", "gauge",
            "Recovery point objective of a table in seconds, the max_age of the rpo rule that covers it.",
            List.of("account", "region", "table"));
    public static final Family RESTORE_TEST_LAST_SUCCESS = new Family(
            "backup_sentinel_restore_test_last_success_timestamp_seconds", "gauge",
            "Time of the newest restore of a table that passed validation, in seconds since the Unix epoch.",
            List.of("account", "region", "table"));

    public static final Family BACKUP_STORAGE_BYTES = new Family("backup_sentinel_backup_storage_bytes", "gauge",
            "Backup storage a table holds per source in bytes, source total being their sum (from the sizes AWS reports).",
            List.of("account", "region", "table", "source"));
    public static final Family BACKUP_STORAGE_COST = new Family("backup_sentinel_backup_storage_monthly_cost_usd",
            "gauge",
            "Estimated monthly cost of a table's backup storage per source in US dollars, from the configured price table.",
            List.of("account", "region", "table", "source"));
    /** The source label of the sum of every storage source. */
    public static final String TOTAL = "total";

    /** The source label of the youngest point among all sources. */
    public static final String EFFECTIVE = "effective";

    // Micrometer meters (dotted names; see the class comment for the Prometheus names they become).
    static final String LAST_AUDIT = "backup_sentinel.last.audit.timestamp.seconds";
    static final String LAST_AUDIT_HELP = "Time the rule was last evaluated, in seconds since the Unix epoch.";
    static final String AUDIT_DURATION = "backup_sentinel.audit.duration";
    static final String AUDIT_DURATION_HELP = "Duration of one audit (collection and evaluation) in seconds.";
    static final String COLLECTION_DURATION = "backup_sentinel.collection.duration";
    static final String COLLECTION_DURATION_HELP = "Duration of collecting the facts of one firing in seconds.";
    static final String EVALUATION_DURATION = "backup_sentinel.evaluation.duration";
    static final String EVALUATION_DURATION_HELP = "Duration of evaluating rules against collected facts in seconds.";
    static final String AWS_REQUESTS = "backup_sentinel.aws.requests";
    static final String AWS_REQUESTS_HELP = "Number of AWS API requests, failed attempts included (a count of requests).";
    static final String AWS_THROTTLES = "backup_sentinel.aws.throttles";
    static final String AWS_THROTTLES_HELP = "Number of AWS API requests answered with a throttling error (a count of requests).";
    static final String LAST_COLLECTION = "backup_sentinel.last.successful.collection.timestamp.seconds";
    static final String LAST_COLLECTION_HELP =
            "Time the facts of an account-region were last collected without failure, in seconds since the Unix epoch.";
    static final String COLLECTION_FAILURES = "backup_sentinel.collection.failures";
    static final String COLLECTION_FAILURES_HELP = "Number of collections of an account-region that failed (a count of collections).";
    static final String RULES_LOADED = "backup_sentinel.rules.loaded";
    static final String RULES_LOADED_HELP = "Number of rules in the active rule set (a count of rules).";
    static final String RULE_RELOAD_FAILURES = "backup_sentinel.rule.reload.failures";
    static final String RULE_RELOAD_FAILURES_HELP = "Number of rule reloads rejected because the new files were invalid (a count of reloads).";
    static final String OUTBOX_DEPTH = "backup_sentinel.alert.outbox.depth";
    static final String OUTBOX_DEPTH_HELP = "Number of alert events waiting in the outbox for delivery (a count of events).";
    static final String ALERT_DELIVERY_FAILURES = "backup_sentinel.alert.delivery.failures";
    static final String ALERT_DELIVERY_FAILURES_HELP =
            "Number of failed alert deliveries, by whether they will be retried or were dead-lettered (a count of attempts).";
    static final String HISTORY_QUEUE_DEPTH = "backup_sentinel.history.write.queue.depth";
    static final String HISTORY_QUEUE_DEPTH_HELP = "Number of history records waiting to be written (a count of records).";
    static final String BUILD_INFO = "backup_sentinel.build.info";
    static final String BUILD_INFO_HELP = "Always 1, labelled with the running version and revision (a unitless marker).";

    // Bounded label values of the self-metrics.
    public static final String OUTCOME_SUCCESS = "success";
    public static final String OUTCOME_THROTTLED = "throttled";
    public static final String OUTCOME_CLIENT_ERROR = "client_error";
    public static final String OUTCOME_SERVER_ERROR = "server_error";
    public static final String OUTCOME_NETWORK_ERROR = "network_error";
    /** The outcomes that {@code awsRequests} accepts; anything else is a programming error. */
    public static final List<String> AWS_OUTCOMES = List.of(OUTCOME_SUCCESS, OUTCOME_THROTTLED, OUTCOME_CLIENT_ERROR,
            OUTCOME_SERVER_ERROR, OUTCOME_NETWORK_ERROR);
}
