package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.http.Protocol;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.http.SandboxRequest;
import io.backupsentinel.sandbox.http.SandboxResponse;
import io.backupsentinel.sandbox.http.ServiceHandler;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The sandbox's AWS Backup (restJson1, signing name {@code backup}): the read operations an auditor calls
 * on plans, selections, vaults, recovery points, protected resources, jobs and restore testing. Requests
 * are routed by the model's request URIs; an operation of the model that the sandbox does not serve is
 * answered with InvalidRequestException naming it.
 */
public final class BackupHandler implements ServiceHandler {
    private final RouteTable routes = RouteTable.backupModel();
    private final Map<String, Operation> operations = new HashMap<>();
    private final PageTokens tokens = PageTokens.random();

    public BackupHandler() {
        PlanOperations.register(operations);
        VaultOperations.register(operations);
        RecoveryPointOperations.register(operations);
        ProtectedResourceOperations.register(operations);
        BackupJobOperations.register(operations);
        CopyJobOperations.register(operations);
        RestoreJobOperations.register(operations);
        RestoreTestingOperations.register(operations);
    }

    @Override
    public String signingName() {
        return "backup";
    }

    @Override
    public Protocol protocol() {
        return Protocol.REST_JSON_1;
    }

    @Override
    public String operation(SandboxRequest request) {
        return routes.match(request.method(), request.path()).operation();
    }

    @Override
    public SandboxResponse handle(SandboxRequest request, RequestContext context) {
        RouteTable.Match match = routes.match(request.method(), request.path());
        Operation op = operations.get(match.operation());
        if (op == null) {
            throw BackupErrors.invalidRequest(match.operation(),
                    "The sandbox serves AWS Backup's read operations only; " + match.operation() + " is not served");
        }
        ObjectNode body = op.handle(new BackupCall(request, context, match.operation(), match.labels(), tokens));
        return SandboxResponse.ok(Protocol.REST_JSON_1.contentType(), body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
