package io.backupsentinel.aws;

import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the HTTP requests of one account-region's SDK clients by operation, and passes each to the
 * {@link AwsRequestListener}. It is an SDK {@link MetricPublisher}: the SDK reports every call with one
 * child collection per attempt, each with the SDK's own error classification (Throttling, ServerError,
 * IO, ...), which an ExecutionInterceptor cannot see without parsing error bodies itself.
 */
final class RequestCounts implements MetricPublisher {
    static final String SUCCESS = "success";
    static final String THROTTLED = "throttled";
    static final String ERROR = "error";

    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    private final AwsRequestListener listener;

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
            String outcome = outcome(attempt.metricValues(CoreMetric.ERROR_TYPE));
            record(service, operation, outcome);
        }
    }

    void record(String service, String operation, String outcome) {
        byOperation.computeIfAbsent(operation, k -> new LongAdder()).increment();
        listener.onRequest(service, operation, outcome);
    }

    /** Requests so far, by operation. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new HashMap<>();
        byOperation.forEach((op, n) -> out.put(op, n.sum()));
        return out;
    }

    /** Requests made since {@code before} (an earlier {@link #snapshot()}), by operation; zeros left out. */
    Map<String, Long> since(Map<String, Long> before) {
        Map<String, Long> out = new HashMap<>();
        snapshot().forEach((op, n) -> {
            long d = n - before.getOrDefault(op, 0L);
            if (d > 0) {
                out.put(op, d);
            }
        });
        return out;
    }

    static String outcome(List<String> errorTypes) {
        if (errorTypes.isEmpty()) {
            return SUCCESS;
        }
        return "Throttling".equals(errorTypes.get(0)) ? THROTTLED : ERROR;
    }

    private static String first(List<String> values, String fallback) {
        return values.isEmpty() || values.get(0) == null ? fallback : values.get(0);
    }

    @Override
    public void close() {
    }
}
