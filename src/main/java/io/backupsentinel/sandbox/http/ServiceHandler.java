package io.backupsentinel.sandbox.http;

/**
 * One AWS service of the sandbox. The server first asks for the operation a request names (so faults and
 * rate limits can act on it), then lets the handler answer; handlers throw {@link AwsError} for AWS errors.
 */
public interface ServiceHandler {
    /** The SigV4 signing name, e.g. dynamodb, backup, tagging, sts. */
    String signingName();

    Protocol protocol();

    /** The operation the request names, e.g. ListTables; throws AwsError when it names none that is known. */
    String operation(SandboxRequest request);

    SandboxResponse handle(SandboxRequest request, RequestContext context);
}
