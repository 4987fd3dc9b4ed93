package io.backupsentinel.sandbox.tagging;

import io.backupsentinel.sandbox.dynamodb.JsonInput;
import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.Protocol;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.http.SandboxRequest;
import io.backupsentinel.sandbox.http.SandboxResponse;
import io.backupsentinel.sandbox.http.ServiceHandler;

/**
 * The Resource Groups Tagging API (awsJson1_1, {@code ResourceGroupsTaggingAPI_20170126.GetResources}):
 * the tags of every table of a region in a few pages, as a collector reads them.
 */
public final class TaggingHandler implements ServiceHandler {
    private static final String TARGET = "ResourceGroupsTaggingAPI_20170126.";
    private final GetResources getResources = new GetResources();

    @Override
    public String signingName() {
        return "tagging";
    }

    @Override
    public Protocol protocol() {
        return Protocol.AWS_JSON_1_1;
    }

    @Override
    public String operation(SandboxRequest request) {
        String target = request.header("x-amz-target");
        if (target == null || !target.startsWith(TARGET)) {
            throw new AwsError(400, "UnknownOperationException", "missing or unknown X-Amz-Target: " + target);
        }
        String op = target.substring(TARGET.length());
        if (!op.equals("GetResources")) {
            throw AwsError.unknownOperation(op);
        }
        return op;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request, RequestContext context) {
        String body = getResources.apply(JsonInput.parse(request.body()), context).toString();
        return SandboxResponse.ok(protocol().contentType(), body);
    }
}
