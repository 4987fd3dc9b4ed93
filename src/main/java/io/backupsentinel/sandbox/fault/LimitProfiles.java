package io.backupsentinel.sandbox.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Named sets of request-rate limits. {@code aws} follows AWS's published per-account defaults where AWS
 * publishes them (DynamoDB's API reference: DescribeContinuousBackups and DescribeBackup 10/s, ListBackups
 * 5/s, ListTagsOfResource 10/s); elsewhere it uses conservative figures: 100/s for the other DynamoDB
 * control-plane calls, 10/s for AWS Backup and the tagging API, 100/s for STS. {@code off} has none.
 */
public final class LimitProfiles {
    public static final String AWS = "aws";
    public static final String OFF = "off";
    public static final Set<String> NAMES = Set.of(AWS, OFF);

    private LimitProfiles() {
    }

    public static List<Limit> limits(String profile) {
        return AWS.equals(profile) ? aws() : List.of();
    }

    private static List<Limit> aws() {
        List<Limit> out = new ArrayList<>();
        // Service-wide defaults first; per-operation entries are more specific and win.
        out.add(limit("dynamodb", null, 100));
        out.add(limit("dynamodb", "DescribeContinuousBackups", 10));
        out.add(limit("dynamodb", "DescribeBackup", 10));
        out.add(limit("dynamodb", "ListBackups", 5));
        out.add(limit("dynamodb", "ListTagsOfResource", 10));
        out.add(limit("backup", null, 10));
        out.add(limit("tagging", null, 10));
        out.add(limit("sts", null, 100));
        return List.copyOf(out);
    }

    private static Limit limit(String service, String operation, double rate) {
        return new Limit(new Selector(null, null, service, operation), rate, rate);
    }
}
