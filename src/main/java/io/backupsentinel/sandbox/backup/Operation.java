package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One served AWS Backup operation: a call in, the output shape's JSON body out. */
@FunctionalInterface
interface Operation {
    ObjectNode handle(BackupCall call);
}
