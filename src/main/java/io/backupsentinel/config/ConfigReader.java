package io.backupsentinel.config;

import io.backupsentinel.alert.PagerDutySettings;
import io.backupsentinel.aws.CloudWatchSettings;
import io.backupsentinel.cost.PriceTable;
import io.backupsentinel.store.StoreSettings;
import io.backupsentinel.web.WebSettings;

import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.yaml.Problems;
import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.yaml.YamlDocument;
import io.backupsentinel.yaml.YamlLimits;
import io.backupsentinel.yaml.YamlReader;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the config file through the located YAML reader: the top-level keys ({@code rules}, then one
 * {@link SectionReader} per section), every error collected, thrown together as a {@link ConfigException}.
 */
final class ConfigReader {
    private static final SectionReader<AwsSettings> AWS = new AwsSection();
    private static final SectionReader<DaemonSettings> DAEMON = new DaemonSection();
    private static final SectionReader<WebSettings> WEB = new WebSection();
    private static final SectionReader<Boolean> METRICS = new MetricsSection();
    private static final SectionReader<CloudWatchSettings> CLOUDWATCH = new CloudWatchSection();
    private static final SectionReader<PriceTable> COST = new CostSection();

    private ConfigReader() {
    }

    static SentinelConfig read(Path file) {
        YamlDocument doc = YamlReader.read(file, file.toString(), YamlLimits.CONFIG);
        Problems problems = doc.problems();
        if (!doc.parsed()) {
            if (problems.isEmpty()) {
                problems.whole("the file is empty; a config file is a mapping with keys such as rules, aws and"
                        + " daemon (see the README's configuration reference)");
            }
            throw new ConfigException(problems.sorted());
        }
        Path base = file.toAbsolutePath().normalize().getParent();
        YMap top = doc.rootYNode().orElseThrow().map();
        Path rules = rules(top, base);
        AwsSettings aws = AWS.read(top.get(AWS.key()), base);
        DaemonSettings daemon = DAEMON.read(top.get(DAEMON.key()), base);
        StoreSettings store = StoreSection.read(top.get("store"), base, daemon.dataDir());
        WebSettings web = WEB.read(top.get(WEB.key()), base);
        // Pages link to the table's status page: {web.base_url}tables/{account}/{region}/{table}.
        PagerDutySettings pagerDuty = AlertSection.read(top.get("alert"), base, web == null ? null : web.baseUrl(),
                System.getenv());
        boolean perTable = METRICS.read(top.get(METRICS.key()), base);
        CloudWatchSettings cloudWatch = CLOUDWATCH.read(top.get(CLOUDWATCH.key()), base);
        PriceTable prices = COST.read(top.get(COST.key()), base);
        top.finish();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.sorted());
        }
        return new SentinelConfig(file, rules, aws, daemon, store, pagerDuty, web, perTable, cloudWatch, prices);
    }

    /** {@code rules:} must name a directory or file that exists; the error names the absolute path tried. */
    private static Path rules(YMap top, Path base) {
        YNode node = top.get("rules");
        if (node == null) {
            return null;
        }
        Path rules = Paths.resolve(node, base);
        if (rules != null && !Files.exists(rules)) {
            node.error("no rules directory or file at " + rules + " (relative paths are resolved against the"
                    + " config file's directory)");
            return null;
        }
        return rules;
    }
}
