package io.backupsentinel.model;

/** A DynamoDB table by account, region, name and ARN. */
public record TableRef(String account, String region, String name, String arn) {
    public Target target() {
        return new Target(account, region);
    }

    public static TableRef of(String account, String region, String name) {
        return new TableRef(account, region, name,
                "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name);
    }
}
