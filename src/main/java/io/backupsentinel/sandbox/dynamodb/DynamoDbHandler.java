package io.backupsentinel.sandbox.dynamodb;

import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.Protocol;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.http.SandboxRequest;
import io.backupsentinel.sandbox.http.SandboxResponse;
import io.backupsentinel.sandbox.http.ServiceHandler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The sandbox's DynamoDB control plane (awsJson1_0, {@code X-Amz-Target: DynamoDB_20120810.<Operation>}):
 * tables, continuous backups (PITR), on-demand backups, restores, exports and tags, with the request and
 * response shapes, paging and errors of the service model.
 */
public final class DynamoDbHandler implements ServiceHandler {
    /** How long a restored table stays CREATING on the virtual clock before it is ACTIVE. */
    public static final Duration DEFAULT_RESTORE_DELAY = Duration.ofMinutes(1);
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private final Map<String, Operation> operations;

    /** Tables and backups are ready at once; restored tables take {@link #DEFAULT_RESTORE_DELAY}. */
    public DynamoDbHandler() {
        this(Duration.ZERO, Duration.ZERO, DEFAULT_RESTORE_DELAY);
    }

    /**
     * @param createDelay  how long a created table is CREATING (AWS: seconds)
     * @param backupDelay  how long a new backup is CREATING
     * @param restoreDelay how long a restored table is CREATING (AWS: minutes to hours)
     */
    public DynamoDbHandler(Duration createDelay, Duration backupDelay, Duration restoreDelay) {
        TableDetailsStore details = new TableDetailsStore();
        TableOperations tables = new TableOperations(details, createDelay);
        ContinuousBackupOperations pitr = new ContinuousBackupOperations();
        BackupOperations backups = new BackupOperations(details, backupDelay);
        RestoreOperations restores = new RestoreOperations(details, backups, restoreDelay);
        ExportOperations exports = new ExportOperations();
        TagOperations tags = new TagOperations();
        operations = Map.ofEntries(
                Map.entry("ListTables", tables::listTables),
                Map.entry("DescribeTable", tables::describeTable),
                Map.entry("CreateTable", tables::createTable),
                Map.entry("DeleteTable", tables::deleteTable),
                Map.entry("DescribeContinuousBackups", pitr::describe),
                Map.entry("UpdateContinuousBackups", pitr::update),
                Map.entry("CreateBackup", backups::create),
                Map.entry("DescribeBackup", backups::describe),
                Map.entry("DeleteBackup", backups::delete),
                Map.entry("ListBackups", backups::list),
                Map.entry("RestoreTableToPointInTime", restores::toPointInTime),
                Map.entry("RestoreTableFromBackup", restores::fromBackup),
                Map.entry("ListExports", exports::list),
                Map.entry("DescribeExport", exports::describe),
                Map.entry("ListTagsOfResource", tags::list),
                Map.entry("TagResource", tags::tag),
                Map.entry("UntagResource", tags::untag));
    }

    @Override
    public String signingName() {
        return "dynamodb";
    }

    @Override
    public Protocol protocol() {
        return Protocol.AWS_JSON_1_0;
    }

    @Override
    public String operation(SandboxRequest request) {
        String target = request.header("x-amz-target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new AwsError(400, "UnknownOperationException", "missing or unknown X-Amz-Target: " + target);
        }
        String op = target.substring(TARGET_PREFIX.length());
        if (!operations.containsKey(op)) {
            throw AwsError.unknownOperation(op);
        }
        return op;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request, RequestContext context) {
        Operation op = operations.get(context.operation());
        String body = op.apply(JsonInput.parse(request.body()), context).toString();
        return SandboxResponse.ok(protocol().contentType(), body.getBytes(StandardCharsets.UTF_8));
    }
}
