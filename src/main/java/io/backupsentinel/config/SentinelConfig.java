package io.backupsentinel.config;

import io.backupsentinel.alert.PagerDutySettings;
import io.backupsentinel.store.StoreSettings;
import io.backupsentinel.web.WebSettings;

import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.aws.CloudWatchSettings;
import io.backupsentinel.cost.PriceTable;

import java.nio.file.Path;

/**
 * The config file of {@code run} and {@code audit}, as records: where the rules are, which AWS accounts and
 * regions to audit and how, and the daemon's intervals. {@link #load} reports every error of the file at once.
 *
 * @param source the file read, null for {@link #defaults()}
 * @param rules  the rules directory or file (absolute), null when the file names none
 * @param store  where the history lives (SQLite in daemon.data_dir, or PostgreSQL)
 * @param pagerDuty paging settings; disabled unless configured or the routing key is in the environment
 * @param web    the web server's address and base URL
 * @param perTableFindings whether backup_sentinel_finding has one series per (rule, table)
 * @param cloudWatch whether and where the daemon publishes its compliance counts to CloudWatch
 * @param prices the storage prices of the backup cost estimate ({@code cost:}; AWS list prices by default)
 */
public record SentinelConfig(Path source, Path rules, AwsSettings aws, DaemonSettings daemon, StoreSettings store,
                             PagerDutySettings pagerDuty, WebSettings web, boolean perTableFindings,
                             CloudWatchSettings cloudWatch, PriceTable prices) {
    /** A config with AWS's list prices for the storage estimate. */
    public SentinelConfig(Path source, Path rules, AwsSettings aws, DaemonSettings daemon, StoreSettings store,
                          PagerDutySettings pagerDuty, WebSettings web, boolean perTableFindings,
                          CloudWatchSettings cloudWatch) {
        this(source, rules, aws, daemon, store, pagerDuty, web, perTableFindings, cloudWatch,
                PriceTable.AWS_LIST_PRICES);
    }

    /** No file: the rules in ./rules, the caller's own account in the SDK's default region. */
    public static SentinelConfig defaults() {
        DaemonSettings daemon = DaemonSettings.defaults(Path.of(""));
        return new SentinelConfig(null, null, AwsSettings.defaults(), daemon, StoreSettings.sqlite(daemon.dataDir()),
                PagerDutySettings.defaults(), WebSettings.defaults(), true, CloudWatchSettings.defaults());
    }

    /** Reads {@code file}; throws {@link ConfigException} with every error when it is not valid. */
    public static SentinelConfig load(Path file) {
        return ConfigReader.read(file);
    }
}
