package io.backupsentinel.aws;

import io.backupsentinel.model.Durations;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an exception from an AWS call into a short cause a finding can carry, naming what came back, e.g.
 * {@code DescribeContinuousBackups: ThrottlingException: Rate exceeded (after 4 attempts)},
 * {@code ListTables: not HTTP: the answer from http://10.0.0.1:443 is not an HTTP response} or
 * {@code ListTables: no answer within 30s (call_timeout)}. Only error codes, AWS's messages and endpoints
 * go in, never request headers or credentials. What each attempt got back comes from {@link AttemptTrace}.
 */
final class Causes {
    private static final int MAX = 300;
    private static final Pattern MILLIS = Pattern.compile("(\\d+) millis");

    private Causes() {
    }

    static String of(String operation, Throwable t) {
        String out = operation + ": " + describe(t, null);
        return out.length() <= MAX ? out : out.substring(0, MAX - 1) + "…";
    }

    /**
     * The cause without the operation. {@code callTimeout} is the configured {@code aws.call_timeout} when
     * known (the SDK's own figure is what was left of it after the pacing wait).
     */
    static String describe(Throwable t, Duration callTimeout) {
        Throwable e = unwrap(t);
        if (e instanceof Caller.CallFailure || e instanceof Pacer.Refused) {
            return e.getMessage();
        }
        AttemptTrace.Trace trace = AttemptTrace.of(e);
        AwsServiceException service = find(e, AwsServiceException.class);
        if (service != null) {
            return serviceError(service, trace);
        }
        if (e instanceof ApiCallTimeoutException) {
            Duration limit = callTimeout != null ? callTimeout : millis(e.getMessage());
            String within = limit == null ? "" : " within " + Durations.format(limit);
            if (trace != null && trace.lastErrorCode != null) {
                // Throttled (or failing) until the timeout: the last answer says more than "no answer".
                return trace.lastErrorCode + message(trace.lastErrorMessage) + " (after " + trace.attempts
                        + " attempts, last error code " + trace.lastErrorCode + ", ended at call_timeout"
                        + (limit == null ? "" : " " + Durations.format(limit)) + ")";
            }
            return "no answer" + within + " (call_timeout" + attemptsNote(trace) + ")"
                    + from(trace);
        }
        if (e instanceof ApiCallAttemptTimeoutException) {
            Duration limit = millis(e.getMessage());
            return "no answer within " + (limit == null ? "the attempt timeout" : Durations.format(limit))
                    + " (attempt_timeout) on each of " + attempts(e, trace) + " attempts" + from(trace) + lastCode(trace);
        }
        String transport = transport(e, trace);
        if (transport != null) {
            return transport + attemptsSuffix(e, trace) + lastCode(trace);
        }
        if (e instanceof SdkException sdk) {
            return firstLine(sdk.getMessage()) + attemptsSuffix(sdk, trace) + lastCode(trace);
        }
        if (e instanceof InterruptedException) {
            return "interrupted";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
    }

    private static String serviceError(AwsServiceException service, AttemptTrace.Trace trace) {
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        String msg = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
        if (code == null || code.isBlank()) {
            // No AWS error in the answer: say what did come back, and from where.
            String what = trace != null && trace.contentType != null && !trace.jsonOrXml()
                    ? " (" + trace.contentType + ", not an AWS error)" : "";
            return "HTTP " + service.statusCode() + from(trace) + what + attemptsSuffix(service, trace);
        }
        return code + message(msg) + attemptsSuffix(service, trace);
    }

    /** A fault below HTTP, or an answer that is not what the protocol says; null when it is neither. */
    private static String transport(Throwable e, AttemptTrace.Trace trace) {
        String where = trace == null || trace.endpoint == null ? "the endpoint" : trace.endpoint;
        if (find(e, ConnectException.class) != null) {
            return "connection refused by " + where;
        }
        if (find(e, UnknownHostException.class) != null) {
            return "unknown host: " + firstLine(find(e, UnknownHostException.class).getMessage());
        }
        if (find(e, org.apache.http.ProtocolException.class) != null) {
            return "not HTTP: the answer from " + where + " is not an HTTP response";
        }
        if (find(e, org.apache.http.NoHttpResponseException.class) != null) {
            return "no answer from " + where + ": the connection closed without a response";
        }
        if (find(e, SocketTimeoutException.class) != null) {
            return "no answer from " + where + " within the socket timeout (attempt_timeout)";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Unable to unmarshall response") && trace != null && trace.status != null) {
            String type = trace.contentType == null ? "no content type" : trace.contentType;
            return (trace.jsonOrXml() ? "unreadable " : "not JSON ") + "(HTTP " + trace.status + ", " + type
                    + " from " + where + ")";
        }
        return null;
    }

    /** The error code of an AWS service error anywhere in the chain, or null. */
    static String errorCode(Throwable t) {
        AwsServiceException service = find(unwrap(t), AwsServiceException.class);
        return service == null || service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
    }

    /** Whether a call that failed this way may succeed if asked again: throttling, 5xx, timeouts, I/O. */
    static boolean transient_(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof Pacer.Refused || e instanceof InterruptedException) {
            return false;
        }
        AwsServiceException service = find(e, AwsServiceException.class);
        if (service != null) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return e instanceof SdkException;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static <E extends Throwable> E find(Throwable t, Class<E> type) {
        for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        return null;
    }

    private static int attempts(Throwable e, AttemptTrace.Trace trace) {
        Integer n = e instanceof SdkException sdk ? sdk.numAttempts() : null;
        return n != null ? n : trace != null ? trace.attempts : 1;
    }

    private static String attemptsSuffix(Throwable e, AttemptTrace.Trace trace) {
        int n = attempts(e, trace);
        return n > 1 ? " (after " + n + " attempts)" : "";
    }

    private static String attemptsNote(AttemptTrace.Trace trace) {
        return trace != null && trace.attempts > 1 ? ", " + trace.attempts + " attempts" : "";
    }

    private static String lastCode(AttemptTrace.Trace trace) {
        return trace != null && trace.lastErrorCode != null ? "; last error code " + trace.lastErrorCode : "";
    }

    private static String from(AttemptTrace.Trace trace) {
        return trace == null || trace.endpoint == null ? "" : " from " + trace.endpoint;
    }

    private static String message(String m) {
        return m == null || m.isBlank() ? "" : ": " + firstLine(m);
    }

    private static Duration millis(String message) {
        Matcher m = MILLIS.matcher(message == null ? "" : message);
        return m.find() ? Duration.ofMillis(Long.parseLong(m.group(1))) : null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        // The SDK appends "(Service: X, Status Code: 400, Request ID: ...)" — noise in a finding.
        int service = s.indexOf(" (Service: ");
        String out = service > 0 ? s.substring(0, service) : s;
        int sdkCount = out.indexOf(" (SDK Attempt Count:");
        out = sdkCount > 0 ? out.substring(0, sdkCount) : out;
        int nl = out.indexOf('\n');
        return (nl >= 0 ? out.substring(0, nl) : out).trim();
    }
}
