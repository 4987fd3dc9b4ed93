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
        // As arn.split(":", 6)[index], without the array and the five other strings: checks read these fields
        // for every recovery point and copy of every table. The sixth field keeps any further colons.
        int start = 0;
        for (int i = 0; i < index; i++) {
            int colon = arn.indexOf(':', start);
            if (colon < 0) {
                return null;
            }
            start = colon + 1;
        }
        int end = index == 5 ? -1 : arn.indexOf(':', start);
        return end < 0 ? arn.substring(start) : arn.substring(start, end);
    }
}
