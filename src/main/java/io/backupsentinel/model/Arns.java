package io.backupsentinel.model;

/** Reads the fields of an ARN: arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE. */
public final class Arns {
    private Arns() {
    }

    public static String region(String arn) {
        return part(arn, 3);
    }

    public static String account(String arn) {
        return part(arn, 4);
    }

    public static String resource(String arn) {
        return part(arn, 5);
    }

    private static String part(String arn, int index) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length > index ? parts[index] : null;
    }
}
