package io.backupsentinel.alert;

import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.Target;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DedupKeysTest {
    private static String key(String deployment, String account, String region, String table) {
        FindingKey k = new FindingKey("prod-rpo", account, region, table);
        return DedupKeys.finding(deployment, k, "arn:aws:dynamodb:" + region + ":" + account + ":table/" + table);
    }

    @Test
    void same_named_tables_in_two_accounts_get_different_keys() {
        assertThat(key("backup-sentinel", "111111111111", "us-east-1", "orders"))
                .isNotEqualTo(key("backup-sentinel", "222222222222", "us-east-1", "orders"));
    }

    @Test
    void same_named_tables_in_two_regions_get_different_keys() {
        assertThat(key("backup-sentinel", "111111111111", "us-east-1", "orders"))
                .isNotEqualTo(key("backup-sentinel", "111111111111", "eu-west-1", "orders"));
    }

    @Test
    void two_deployments_sharing_a_routing_key_get_different_keys() {
        assertThat(key("eu-prod", "111111111111", "us-east-1", "orders"))
                .isNotEqualTo(key("us-prod", "111111111111", "us-east-1", "orders"));
    }

    @Test
    void two_rules_on_one_table_get_different_keys() {
        FindingKey a = new FindingKey("prod-rpo", "111111111111", "us-east-1", "orders");
        FindingKey b = new FindingKey("prod-pitr", "111111111111", "us-east-1", "orders");

        assertThat(DedupKeys.finding("d", a, null)).isNotEqualTo(DedupKeys.finding("d", b, null));
    }

    @Test
    void keys_are_the_same_across_restarts_because_they_depend_only_on_their_parts() {
        assertThat(key("backup-sentinel", "111111111111", "us-east-1", "orders"))
                .isEqualTo("backup-sentinel/prod-rpo/arn:aws:dynamodb:us-east-1:111111111111:table/orders");
    }

    @Test
    void a_finding_without_an_arn_gets_the_key_its_table_arn_would_give() {
        FindingKey k = new FindingKey("prod-rpo", "111111111111", "us-east-1", "orders");

        assertThat(DedupKeys.finding("backup-sentinel", k, null))
                .isEqualTo(key("backup-sentinel", "111111111111", "us-east-1", "orders"));
    }

    @Test
    void a_key_over_255_characters_is_hashed_to_fit_and_stays_unique_and_stable() {
        String longName = "t".repeat(250);
        String a = key("backup-sentinel", "111111111111", "us-east-1", longName + "a");
        String b = key("backup-sentinel", "111111111111", "us-east-1", longName + "b");

        assertThat(a).hasSizeLessThanOrEqualTo(255).startsWith("backup-sentinel/prod-rpo/arn:aws:dynamodb:");
        assertThat(b).hasSizeLessThanOrEqualTo(255);
        assertThat(a).isNotEqualTo(b);
        assertThat(key("backup-sentinel", "111111111111", "us-east-1", longName + "a")).isEqualTo(a);
        assertThat(a).matches(".*#[0-9a-f]{64}");
    }

    @Test
    void audit_blind_keys_are_per_deployment_account_and_region() {
        String a = DedupKeys.blind("backup-sentinel", new Target("111111111111", "us-east-1"));

        assertThat(a).isEqualTo("backup-sentinel/audit-blind/111111111111/us-east-1");
        assertThat(DedupKeys.blind("backup-sentinel", new Target("111111111111", "eu-west-1"))).isNotEqualTo(a);
        assertThat(DedupKeys.blind("backup-sentinel", new Target("222222222222", "us-east-1"))).isNotEqualTo(a);
        assertThat(DedupKeys.blind("other", new Target("111111111111", "us-east-1"))).isNotEqualTo(a);
    }
}
