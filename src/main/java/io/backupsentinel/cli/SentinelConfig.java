package io.backupsentinel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.backupsentinel.aws.AwsSettings;

import io.backupsentinel.model.Durations;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The daemon's and the audit's configuration file: where the rules are and which AWS accounts and regions
 * to audit. Unknown keys are errors, so a typo never silently falls back to a default.
 */
public record SentinelConfig(Path source, Path rules, AwsSettings aws, Duration collectEvery, Duration evaluateEvery) {
    private static final Set<String> KEYS = Set.of("rules", "aws", "daemon");
    private static final Set<String> DAEMON_KEYS = Set.of("collect_every", "evaluate_every");
    private static final Duration COLLECT_EVERY = Duration.ofMinutes(15);
    private static final Duration EVALUATE_EVERY = Duration.ofMinutes(1);

    /** No file: the rules in ./rules, the caller's own account in the SDK's default region. */
    public static SentinelConfig defaults() {
        return new SentinelConfig(null, null, AwsSettings.defaults(), COLLECT_EVERY, EVALUATE_EVERY);
    }

    public static SentinelConfig load(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ";
            throw new ConfigException(file + ":" + where + "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = MissingNode.getInstance();
        } else if (!root.isObject()) {
            throw new ConfigException(file + ": the configuration must be a mapping with the keys " + KEYS);
        }
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ConfigException(file + ": unknown key(s) " + unknown + "; known keys: " + KEYS);
        }
        Path rules = null;
        JsonNode r = root.path("rules");
        if (!r.isMissingNode()) {
            if (!r.isTextual() || r.asText().isBlank()) {
                throw new ConfigException(file + ": rules: must be the path of a rules directory");
            }
            Path base = file.toAbsolutePath().getParent();
            rules = base.resolve(r.asText()).normalize();
        }
        AwsSettings aws;
        try {
            aws = root.has("aws") ? AwsSettings.fromJson(root.get("aws")) : AwsSettings.defaults();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
        JsonNode daemon = root.path("daemon");
        daemon.fieldNames().forEachRemaining(k -> {
            if (!DAEMON_KEYS.contains(k)) {
                throw new ConfigException(file + ": daemon." + k + ": unknown key; known keys: " + DAEMON_KEYS);
            }
        });
        return new SentinelConfig(file, rules, aws, duration(file, daemon, "collect_every", COLLECT_EVERY),
                duration(file, daemon, "evaluate_every", EVALUATE_EVERY));
    }

    private static Duration duration(Path file, JsonNode daemon, String key, Duration fallback) {
        JsonNode n = daemon.path(key);
        if (n.isMissingNode()) {
            return fallback;
        }
        try {
            Duration d = Durations.parse(n.asText());
            if (d.compareTo(Duration.ofSeconds(10)) < 0) {
                throw new IllegalArgumentException("must be at least 10s");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": daemon." + key + ": " + e.getMessage());
        }
    }
}
