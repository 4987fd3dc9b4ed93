package io.backupsentinel.config;

import io.backupsentinel.aws.CloudWatchSettings;
import io.backupsentinel.yaml.Text;
import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The {@code cloudwatch:} section: {@code enabled} (default false), {@code namespace} (default
 * BackupSentinel), {@code region} (default the first of {@code aws.regions}) and {@code every} (default 1m,
 * 1m to 1h: CloudWatch's standard resolution is one minute, so publishing more often only costs more calls).
 */
final class CloudWatchSection implements SectionReader<CloudWatchSettings> {
    private static final Duration FLOOR = Duration.ofMinutes(1);
    private static final Duration CEILING = Duration.ofHours(1);
    /** CloudWatch's namespace characters: letters, digits, and . - _ / # : and space. */
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._/#: -]{1,255}");

    @Override
    public String key() {
        return "cloudwatch";
    }

    @Override
    public CloudWatchSettings read(YNode node, Path base) {
        CloudWatchSettings d = CloudWatchSettings.defaults();
        if (node == null) {
            return d;
        }
        YMap m = node.map();
        Boolean enabled = m.bool("enabled", d.enabled());
        String namespace = m.str("namespace", d.namespace());
        if (namespace != null && (!NAMESPACE.matcher(namespace).matches() || namespace.startsWith(":")
                || namespace.startsWith("AWS/"))) {
            m.get("namespace").error("'" + Text.clip(namespace) + "' is not a CloudWatch namespace: 1 to 255 of"
                    + " letters, digits and . - _ / # : or space, not starting with ':' or 'AWS/'");
        }
        String region = m.str("region", null);
        if (region != null && !AwsSection.REGION.matcher(region).matches()) {
            m.get("region").error("'" + Text.clip(region) + "' is not a region name, e.g. us-east-1");
        }
        Duration every = m.duration("every", d.every(), FLOOR, CEILING);
        m.finish();
        return new CloudWatchSettings(enabled == null ? d.enabled() : enabled,
                namespace == null ? d.namespace() : namespace, region, every == null ? d.every() : every);
    }
}
