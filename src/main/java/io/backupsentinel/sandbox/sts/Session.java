package io.backupsentinel.sandbox.sts;

import java.time.Instant;

/** Temporary credentials handed out by AssumeRole, and who they act as. */
record Session(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
               String account, String roleName, String roleId, String sessionName) {
    String assumedRoleArn() {
        return "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName;
    }

    String assumedRoleId() {
        return roleId + ":" + sessionName;
    }
}
