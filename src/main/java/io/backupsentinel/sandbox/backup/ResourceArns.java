package io.backupsentinel.sandbox.backup;

import java.util.Map;

/**
 * What AWS Backup derives from a resource ARN: its ResourceType (the names of the ByResourceType filters,
 * e.g. DynamoDB for {@code arn:aws:dynamodb:...:table/orders}) and its ResourceName.
 */
final class ResourceArns {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("dynamodb", "DynamoDB"), Map.entry("rds", "RDS"), Map.entry("elasticfilesystem", "EFS"),
            Map.entry("s3", "S3"), Map.entry("fsx", "FSx"), Map.entry("storagegateway", "Storage Gateway"),
            Map.entry("redshift", "Redshift"), Map.entry("timestream", "Timestream"),
            Map.entry("cloudformation", "CloudFormation"), Map.entry("eks", "EKS"));

    private ResourceArns() {
    }

    static boolean looksLikeArn(String arn) {
        return arn != null && arn.startsWith("arn:") && arn.split(":", 6).length == 6;
    }

    /** The ResourceType of an ARN, or null when the ARN is not one AWS Backup protects. */
    static String type(String arn) {
        if (!looksLikeArn(arn)) {
            return null;
        }
        String[] p = arn.split(":", 6);
        if (p[2].equals("ec2")) {
            return p[5].startsWith("volume/") ? "EBS" : "EC2";
        }
        return TYPES.get(p[2]);
    }

    /** The name part of the ARN's resource: "orders" for a table ARN ending in table/orders. */
    static String name(String arn) {
        if (!looksLikeArn(arn)) {
            return null;
        }
        String resource = arn.split(":", 6)[5];
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(slash + 1);
    }

    /** The region part of an ARN. */
    static String region(String arn) {
        return looksLikeArn(arn) ? arn.split(":", 6)[3] : null;
    }

    /** The account part of an ARN. */
    static String account(String arn) {
        return looksLikeArn(arn) ? arn.split(":", 6)[4] : null;
    }
}
