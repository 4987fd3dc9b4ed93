package io.backupsentinel.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns an exception from an AWS call into a short cause a finding can carry, e.g.
 * {@code DescribeContinuousBackups: ThrottlingException: Rate exceeded (after 4 attempts)}. Only error
 * codes and AWS's messages go in, never request headers or credentials.
 */
final class Causes {
    private static final int MAX = 300;

    private Causes() {
    }

    static String of(String operation, Throwable t) {
        Throwable e = unwrap(t);
        String text;
        AwsServiceException service = find(e, AwsServiceException.class);
        if (service != null && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            text = (code == null ? "HTTP " + service.statusCode() : code)
                    + (message == null || message.isBlank() ? "" : ": " + firstLine(message)) + attempts(service);
        } else if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            text = "no answer in time: " + firstLine(e.getMessage()) + attempts((SdkException) e);
        } else if (e instanceof SdkException sdk) {
            text = firstLine(sdk.getMessage()) + attempts(sdk);
        } else if (e instanceof InterruptedException) {
            text = "interrupted";
        } else {
            text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
        }
        String out = operation + ": " + text;
        return out.length() <= MAX ? out : out.substring(0, MAX - 1) + "…";
    }

    /** The error code of an AWS service error anywhere in the chain, or null. */
    static String errorCode(Throwable t) {
        AwsServiceException service = find(unwrap(t), AwsServiceException.class);
        return service == null || service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static <E extends Throwable> E find(Throwable t, Class<E> type) {
        for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        return null;
    }

    private static String attempts(SdkException e) {
        Integer n = e.numAttempts();
        return n != null && n > 1 ? " (after " + n + " attempts)" : "";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        // The SDK appends "(Service: X, Status Code: 400, Request ID: ...)" — noise in a finding.
        int service = s.indexOf(" (Service: ");
        String out = service > 0 ? s.substring(0, service) : s;
        int nl = out.indexOf('\n');
        return (nl >= 0 ? out.substring(0, nl) : out).trim();
    }
}
