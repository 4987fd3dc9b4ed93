package io.backupsentinel.rule;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.check.Check;
import io.backupsentinel.check.CheckRegistry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The least-privilege IAM policy for an audit, generated from what the checks declare: one {@code Allow}
 * statement with the base actions every audit needs plus the union of the checks' actions, sorted, on
 * {@code Resource: "*"} (the List/Describe APIs involved do not support narrower resources for listing), and a
 * second statement allowing {@code sts:AssumeRole} on {@code arn:aws:iam::*:role/BackupSentinel*}, used only
 * to audit other accounts: name the audit role in each member account with that prefix (the demo uses
 * {@code BackupSentinelAudit}), or drop the statement for a single-account audit. The policy is read-only unless
 * the daemon publishes to CloudWatch: then a third statement allows {@code cloudwatch:PutMetricData}, and only
 * into the configured namespace (the {@code cloudwatch:namespace} condition key).
 */
public final class IamPolicy {
    /**
     * Listing tables, reading their tags, naming the caller's own account, and describing each table at most
     * daily (its size, for the backup storage estimate: PITR is billed on it).
     */
    public static final List<String> BASE_ACTIONS = List.of("dynamodb:ListTables", "dynamodb:DescribeTable",
            "sts:GetCallerIdentity", "tag:GetResources");
    public static final String CROSS_ACCOUNT_ROLES = "arn:aws:iam::*:role/BackupSentinel*";

    private IamPolicy() {
    }

    /** The policy the loaded rules need: only their checks' actions. */
    public static String forRules(RuleSet rules) {
        return forRules(rules, Optional.empty());
    }

    /**
     * The policy the loaded rules need, plus {@code cloudwatch:PutMetricData} into {@code metricsNamespace} when
     * the daemon publishes its counts to CloudWatch.
     */
    public static String forRules(RuleSet rules, Optional<String> metricsNamespace) {
        return policy(actions(rules.rules().stream().map(Rule::check).toList()), metricsNamespace);
    }

    /** The policy every registered check together needs. */
    public static String forRegistry(CheckRegistry registry) {
        return policy(actions(registry.all()), Optional.empty());
    }

    /** The sorted, de-duplicated actions: the base ones and those of the given checks. */
    public static SortedSet<String> actions(Collection<? extends Check<?>> checks) {
        SortedSet<String> actions = new TreeSet<>(BASE_ACTIONS);
        checks.forEach(c -> actions.addAll(c.spec().iamActions()));
        return actions;
    }

    private static String policy(SortedSet<String> actions, Optional<String> metricsNamespace) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("Version", "2012-10-17");
        ArrayNode statements = root.putArray("Statement");
        ObjectNode read = statements.addObject();
        read.put("Sid", "BackupSentinelReadBackupPosture");
        read.put("Effect", "Allow");
        actions.forEach(read.putArray("Action")::add);
        read.put("Resource", "*");
        ObjectNode assume = statements.addObject();
        assume.put("Sid", "BackupSentinelAssumeAuditRoleInOtherAccounts");
        assume.put("Effect", "Allow");
        assume.putArray("Action").add("sts:AssumeRole");
        assume.put("Resource", CROSS_ACCOUNT_ROLES);
        metricsNamespace.ifPresent(namespace -> {
            ObjectNode publish = statements.addObject();
            publish.put("Sid", "BackupSentinelPublishComplianceMetrics");
            publish.put("Effect", "Allow");
            publish.putArray("Action").add("cloudwatch:PutMetricData");
            // PutMetricData has no resource-level permissions; the namespace condition is how it is narrowed.
            publish.put("Resource", "*");
            publish.putObject("Condition").putObject("StringEquals").put("cloudwatch:namespace", namespace);
        });
        return Json.pretty(root);
    }
}
