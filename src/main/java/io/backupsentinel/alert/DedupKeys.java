package io.backupsentinel.alert;

import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.Target;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * PagerDuty {@code dedup_key}s: one per (deployment, rule, table ARN) for findings and one per (deployment,
 * account, region) for "audit blind", so same-named tables in two accounts or regions, or two deployments
 * sharing a routing key, never merge into one incident. Keys are pure functions of their parts, so a restart
 * resolves the incident it opened before.
 */
public final class DedupKeys {
    /** PagerDuty's limit on {@code dedup_key}. */
    public static final int MAX_LENGTH = 255;
    private static final int HASH_CHARS = 64;

    private DedupKeys() {
    }

    /**
     * The key of a (rule, table). {@code tableArn} identifies the table across accounts and regions; when a finding
     * carries none, the ARN is built from the key's account, region and name.
     */
    public static String finding(String deployment, FindingKey key, String tableArn) {
        String arn = tableArn != null && !tableArn.isBlank() ? tableArn
                : "arn:aws:dynamodb:" + key.region() + ":" + key.account() + ":table/" + key.table();
        // Deployment names and rule names cannot contain '/', so the parts cannot run into each other.
        return bounded(deployment + "/" + key.rule() + "/" + arn);
    }

    /** The key of the "audit blind" event of one account-region. */
    public static String blind(String deployment, Target target) {
        return bounded(deployment + "/audit-blind/" + target.account() + "/" + target.region());
    }

    /**
     * The key itself when it fits PagerDuty's limit; otherwise a readable prefix and the SHA-256 of the whole key,
     * which keeps it unique and the same across restarts.
     */
    static String bounded(String key) {
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        String hash = sha256(key);
        return key.substring(0, MAX_LENGTH - HASH_CHARS - 1) + "#" + hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
