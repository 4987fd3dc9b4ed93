package io.backupsentinel.sandbox.fault;

import io.backupsentinel.sandbox.http.AwsError;

/**
 * The errors each service returns for throttling, outages, internal failures and denied access, with the
 * codes from its own service model, so the SDK classifies them as it would AWS's (ThrottlingException,
 * ThrottledException and Throttling are all throttling codes to SDK v2; HTTP 429 is throttling to it too).
 */
final class ServiceErrors {
    private ServiceErrors() {
    }

    static AwsError throttling(String service) {
        return switch (service) {
            case "backup" -> new AwsError(429, "ThrottlingException", "Rate exceeded");
            case "tagging" -> new AwsError(400, "ThrottledException", "Rate exceeded");
            case "sts" -> new AwsError(400, "Throttling", "Rate exceeded");
            default -> new AwsError(400, "ThrottlingException", "Rate exceeded");
        };
    }

    static AwsError unavailable(String service) {
        String code = "backup".equals(service) ? "ServiceUnavailableException" : "ServiceUnavailable";
        return new AwsError(503, code, "Service is unavailable. Please try again later.");
    }

    static AwsError internal(String service) {
        return switch (service) {
            case "backup" -> new AwsError(500, "ServiceUnavailableException", "Internal server error");
            case "tagging" -> new AwsError(500, "InternalServiceException", "Internal service error");
            case "sts" -> new AwsError(500, "InternalFailure", "Internal failure");
            default -> new AwsError(500, "InternalServerError", "Internal server error");
        };
    }

    static AwsError accessDenied(String service, String account, String operation) {
        String message = "User: arn:aws:sts::" + account + ":assumed-role/sandbox is not authorized to perform: "
                + actionPrefix(service) + ":" + operation;
        return switch (service) {
            case "backup" -> new AwsError(403, "AccessDeniedException", message);
            case "sts" -> new AwsError(403, "AccessDenied", message);
            default -> new AwsError(400, "AccessDeniedException", message);
        };
    }

    private static String actionPrefix(String service) {
        return "tagging".equals(service) ? "tag" : service;
    }
}
