package io.backupsentinel.rule;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IamPolicyTest {

    @Test
    void the_policy_allows_exactly_the_base_actions_and_those_of_the_loaded_rules_checks() throws IOException {
        RuleSet demo = Fixtures.load(Fixtures.VALID.resolve("demo")); // rpo, pitr, backup_jobs, retention
        JsonNode policy = Json.MAPPER.readTree(IamPolicy.forRules(demo));

        JsonNode read = policy.at("/Statement/0");
        assertThat(read.at("/Effect").asText()).isEqualTo("Allow");
        assertThat(read.at("/Resource").asText()).isEqualTo("*");
        assertThat(strings(read.at("/Action"))).containsExactly(
                "backup:ListBackupJobs",
                "backup:ListRecoveryPointsByResource",
                "dynamodb:DescribeBackup",
                "dynamodb:DescribeContinuousBackups",
                "dynamodb:DescribeTable",
                "dynamodb:ListBackups",
                "dynamodb:ListExports",
                "dynamodb:ListTables",
                "sts:GetCallerIdentity",
                "tag:GetResources");
    }

    @Test
    void the_policy_stays_read_only_unless_cloudwatch_publishing_asks_for_put_metric_data_into_its_namespace()
            throws IOException {
        RuleSet demo = Fixtures.load(Fixtures.VALID.resolve("demo"));
        assertThat(IamPolicy.forRules(demo, Optional.empty())).doesNotContain("cloudwatch:");

        JsonNode policy = Json.MAPPER.readTree(IamPolicy.forRules(demo, Optional.of("Team/Backups")));
        assertThat(policy.at("/Statement")).hasSize(3);
        JsonNode publish = policy.at("/Statement/2");
        assertThat(strings(publish.at("/Action"))).containsExactly("cloudwatch:PutMetricData");
        assertThat(publish.at("/Condition/StringEquals/cloudwatch:namespace").asText()).isEqualTo("Team/Backups");
        assertThat(strings(policy.at("/Statement/0/Action"))).noneMatch(a -> a.startsWith("cloudwatch:"));
    }

    @Test
    void cross_account_audits_may_assume_only_backup_sentinel_roles() throws IOException {
        JsonNode policy = Json.MAPPER.readTree(IamPolicy.forRegistry(CatalogLikeChecks.registry()));
        assertThat(policy.at("/Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.at("/Statement")).hasSize(2);
        JsonNode assume = policy.at("/Statement/1");
        assertThat(strings(assume.at("/Action"))).containsExactly("sts:AssumeRole");
        assertThat(assume.at("/Resource").asText()).isEqualTo("arn:aws:iam::*:role/BackupSentinel*");
    }

    @Test
    void the_registry_policy_is_the_union_of_every_checks_actions() throws IOException {
        JsonNode policy = Json.MAPPER.readTree(IamPolicy.forRegistry(CatalogLikeChecks.registry()));
        List<String> actions = strings(policy.at("/Statement/0/Action"));
        assertThat(actions).isSorted().doesNotHaveDuplicates()
                .contains("backup:ListCopyJobs", "backup:GetBackupSelection", "dynamodb:DescribeExport")
                .containsAll(IamPolicy.BASE_ACTIONS);
        RuleSet exportsOnly = Fixtures.load(Fixtures.VALID.resolve("single-file.yaml"));
        assertThat(IamPolicy.forRules(exportsOnly)).doesNotContain("backup:ListBackupJobs");
    }

    @Test
    void the_policy_is_pretty_printed() {
        String policy = IamPolicy.forRegistry(CatalogLikeChecks.registry());
        assertThat(policy).startsWith("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n").endsWith("}\n");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
