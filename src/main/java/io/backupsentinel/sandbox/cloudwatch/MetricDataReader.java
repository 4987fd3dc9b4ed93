package io.backupsentinel.sandbox.cloudwatch;

import io.backupsentinel.sandbox.http.AwsError;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads PutMetricData's awsQuery form: {@code Namespace} and {@code MetricData.member.N.{MetricName, Value,
 * Unit, Timestamp, Dimensions.member.M.{Name, Value}}}, checked against CloudWatch's published limits
 * (1000 data, 30 dimensions, a finite value, a known unit). Statistic sets and value arrays are not served:
 * a datum without a Value is refused rather than stored wrongly.
 */
final class MetricDataReader {
    static final int MAX_DATA = 1000;
    static final int MAX_DIMENSIONS = 30;
    /** CloudWatch's StandardUnit values. */
    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");

    private MetricDataReader() {
    }

    static List<PublishedMetric> read(Map<String, List<String>> params, String account, String region, Instant now) {
        String namespace = required(params, "Namespace", "namespace");
        if (namespace.isEmpty() || namespace.length() > 255 || namespace.startsWith("AWS/")) {
            throw invalid("The value " + namespace + " for parameter Namespace is invalid.");
        }
        List<PublishedMetric> out = new ArrayList<>();
        for (int i = 1; params.containsKey("MetricData.member." + i + ".MetricName"); i++) {
            if (i > MAX_DATA) {
                throw invalid("The collection MetricData must not have a size greater than " + MAX_DATA + ".");
            }
            out.add(datum(params, "MetricData.member." + i + ".", account, region, namespace, now));
        }
        if (out.isEmpty()) {
            throw new AwsError(400, "MissingParameter", "The parameter MetricData is required.");
        }
        return out;
    }

    private static PublishedMetric datum(Map<String, List<String>> p, String prefix, String account, String region,
                                         String namespace, Instant now) {
        String name = required(p, prefix + "MetricName", "metricName");
        String rawValue = required(p, prefix + "Value", "value");
        double value;
        try {
            value = Double.parseDouble(rawValue);
        } catch (NumberFormatException e) {
            throw invalid("The value " + rawValue + " for parameter " + prefix + "Value is invalid.");
        }
        if (!Double.isFinite(value)) {
            throw invalid("The value " + rawValue + " for parameter " + prefix + "Value is invalid.");
        }
        String unit = first(p, prefix + "Unit");
        if (unit == null) {
            unit = "None";
        } else if (!UNITS.contains(unit)) {
            throw invalid("The value " + unit + " for parameter " + prefix + "Unit is invalid.");
        }
        String rawTime = first(p, prefix + "Timestamp");
        Instant at;
        try {
            at = rawTime == null ? now : Instant.parse(rawTime);
        } catch (DateTimeParseException e) {
            throw invalid("The value " + rawTime + " for parameter " + prefix + "Timestamp is invalid.");
        }
        Map<String, String> dims = new LinkedHashMap<>();
        for (int j = 1; p.containsKey(prefix + "Dimensions.member." + j + ".Name"); j++) {
            if (j > MAX_DIMENSIONS) {
                throw invalid("The collection " + prefix + "Dimensions must not have a size greater than "
                        + MAX_DIMENSIONS + ".");
            }
            String d = prefix + "Dimensions.member." + j + ".";
            dims.put(first(p, d + "Name"), required(p, d + "Value", "value"));
        }
        return new PublishedMetric(account, region, namespace, name, dims, value, unit, at);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String required(Map<String, List<String>> params, String name, String member) {
        String v = first(params, name);
        if (v == null) {
            throw new AwsError(400, "MissingParameter", "The parameter " + name + " is required.");
        }
        return v;
    }

    private static AwsError invalid(String message) {
        return new AwsError(400, "InvalidParameterValue", message);
    }
}
