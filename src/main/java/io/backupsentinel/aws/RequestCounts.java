package io.backupsentinel.aws;

import io.backupsentinel.inventory.RequestKind;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the HTTP request attempts of SDK clients by service, operation and outcome, and passes each to
 * the {@link AwsRequestListener}. It is an SDK {@link MetricPublisher}: the SDK reports every call, failed
 * ones included, with one child collection per attempt — throttled, failed and timed-out attempts too —
 * each with the SDK's own error classification (Throttling, ServerError, IO, ConfiguredTimeout...), which
 * an ExecutionInterceptor cannot see without parsing error bodies itself.
 */
final class RequestCounts implements MetricPublisher {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RequestCounts.class);
    static final String SUCCESS = RequestKind.SUCCESS;
    static final String THROTTLED = RequestKind.THROTTLED;

    private final Map<RequestKind, LongAdder> counts = new ConcurrentHashMap<>();
    private final AwsRequestListener listener;
    private Map<RequestKind, Long> reported = Map.of();

    RequestCounts(AwsRequestListener listener) {
        this.listener = listener;
    }

    @Override
    public void publish(MetricCollection call) {
        String service = first(call.metricValues(CoreMetric.SERVICE_ID), "unknown");
        String operation = first(call.metricValues(CoreMetric.OPERATION_NAME), "unknown");
        for (MetricCollection attempt : call.children()) {
            if (!"ApiCallAttempt".equals(attempt.name())) {
                continue;
            }
            String outcome = outcome(attempt.metricValues(CoreMetric.ERROR_TYPE),
                    attempt.metricValues(software.amazon.awssdk.http.HttpMetric.HTTP_STATUS_CODE));
            record(service, operation, outcome);
        }
    }

    void record(String service, String operation, String outcome) {
        counts.computeIfAbsent(new RequestKind(service, operation, outcome), k -> new LongAdder()).increment();
        try {
            listener.onRequest(service, operation, outcome);
        } catch (RuntimeException e) {
            // Counting must never fail the AWS call it counts.
            LOG.warn("the AWS request listener failed (a bug): {}", e.toString());
        }
    }

    /** Attempts so far. */
    Map<RequestKind, Long> snapshot() {
        Map<RequestKind, Long> out = new HashMap<>();
        counts.forEach((k, n) -> out.put(k, n.sum()));
        return out;
    }

    /** Attempts made since {@code before} (an earlier {@link #snapshot()}); zeros left out. */
    Map<RequestKind, Long> since(Map<RequestKind, Long> before) {
        Map<RequestKind, Long> out = new HashMap<>();
        snapshot().forEach((k, n) -> {
            long d = n - before.getOrDefault(k, 0L);
            if (d > 0) {
                out.put(k, d);
            }
        });
        return out;
    }

    /** Attempts not yet handed out by this method: each attempt is reported by exactly one caller. */
    synchronized Map<RequestKind, Long> unreported() {
        Map<RequestKind, Long> now = snapshot();
        Map<RequestKind, Long> out = new HashMap<>();
        now.forEach((k, n) -> {
            long d = n - reported.getOrDefault(k, 0L);
            if (d > 0) {
                out.put(k, d);
            }
        });
        reported = now;
        return out;
    }

    /** Attempts by operation, as the audit's {@code awsRequests} shows them. */
    static Map<String, Long> byOperation(Map<RequestKind, Long> attempts) {
        Map<String, Long> out = new HashMap<>();
        attempts.forEach((k, n) -> out.merge(k.operation(), n, Long::sum));
        return out;
    }

    /** The sum of two attempt counts. */
    static Map<RequestKind, Long> plus(Map<RequestKind, Long> a, Map<RequestKind, Long> b) {
        Map<RequestKind, Long> out = new HashMap<>(a);
        b.forEach((k, n) -> out.merge(k, n, Long::sum));
        return out;
    }

    /** The SDK's error type of an attempt (Throttling, ServerError, IO, ConfiguredTimeout, Other) as an outcome. */
    static String outcome(List<String> errorTypes) {
        return outcome(errorTypes, List.of(0));
    }

    /**
     * An attempt's outcome from the SDK's error type and the HTTP status it got, if any: an attempt that got no
     * status at all (refused, reset, timed out or cut short by the call's timeout, which the SDK types as
     * "Other") had no answer, a network error, not a client error.
     */
    static String outcome(List<String> errorTypes, List<Integer> statusCodes) {
        if (errorTypes.isEmpty()) {
            return SUCCESS;
        }
        int status = statusCodes.isEmpty() || statusCodes.get(0) == null ? 0 : statusCodes.get(0);
        return switch (errorTypes.get(0)) {
            case "Throttling" -> THROTTLED;
            case "ServerError" -> RequestKind.SERVER_ERROR;
            case "IO", "ConfiguredTimeout" -> RequestKind.NETWORK_ERROR;
            default -> status >= 500 ? RequestKind.SERVER_ERROR
                    : status >= 400 ? RequestKind.CLIENT_ERROR : RequestKind.NETWORK_ERROR;
        };
    }

    private static String first(List<String> values, String fallback) {
        return values.isEmpty() || values.get(0) == null ? fallback : values.get(0);
    }

    @Override
    public void close() {
    }
}
