package io.backupsentinel.sandbox.scenario;

/** IAM role ARNs from what a scenario writes: a full ARN, or a role name (with path) in the given account. */
final class Roles {
    private Roles() {
    }

    static String arn(String nameOrArn, String account) {
        String t = nameOrArn.trim();
        return t.startsWith("arn:") ? t : "arn:aws:iam::" + account + ":role/" + t;
    }
}
