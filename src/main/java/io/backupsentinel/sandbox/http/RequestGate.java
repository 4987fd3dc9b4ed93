package io.backupsentinel.sandbox.http;

/**
 * Decides, before a handler runs, whether a request goes through: rate limits, injected latency, error
 * rates and outages live behind this. Throws {@link AwsError} to refuse.
 */
@FunctionalInterface
public interface RequestGate {
    RequestGate OPEN = (service, operation, context) -> {
    };

    void admit(String service, String operation, RequestContext context);
}
