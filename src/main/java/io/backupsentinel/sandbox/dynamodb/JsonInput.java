package io.backupsentinel.sandbox.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.Excerpt;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an awsJson request body the way AWS validates it: a missing required member, a number out of its
 * modelled range or a value outside an enum is a ValidationException worded as AWS words it
 * ("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: ...").
 * Shared by the DynamoDB and Tagging handlers, which both speak awsJson.
 */
public final class JsonInput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode body;

    private JsonInput(JsonNode body) {
        this.body = body;
    }

    public static JsonInput parse(byte[] bytes) {
        if (bytes.length == 0) {
            return new JsonInput(JSON.createObjectNode());
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new AwsError(400, "SerializationException", "Start of structure or map found where not expected");
            }
            return new JsonInput(n);
        } catch (IOException e) {
            throw new AwsError(400, "SerializationException", "request body is not valid JSON: " + e.getMessage());
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public boolean has(String member) {
        JsonNode n = body.get(member);
        return n != null && !n.isNull();
    }

    public JsonNode node(String member) {
        return body.get(member);
    }

    /** A string member, null when absent; any other JSON type is a SerializationException, as AWS answers it. */
    public String string(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw wrongType(member, n, "a string");
        }
        return n.asText();
    }

    private static AwsError wrongType(String member, JsonNode n, String expected) {
        return new AwsError(400, "SerializationException", "the value of " + member + " must be " + expected
                + ", not " + n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }

    public String requiredString(String member) {
        String s = string(member);
        if (s == null) {
            throw AwsError.validation("1 validation error detected: Value null at '" + camel(member)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return s;
    }

    /** A string member that must have a length within min..max (the model's constraint). */
    public String string(String member, int min, int max) {
        String s = string(member);
        if (s != null && (s.length() < min || s.length() > max)) {
            throw AwsError.validation("1 validation error detected: Value '" + s + "' at '" + camel(member)
                    + "' failed to satisfy constraint: Member must have length " + (s.length() < min
                    ? "greater than or equal to " + min : "less than or equal to " + max));
        }
        return s;
    }

    /** An integer member (null when absent) that must lie within min..max. */
    public Integer integer(String member, int min, int max) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            throw wrongType(member, n, "an integer");
        }
        if (!n.canConvertToInt()) {
            // Beyond an int: report it against the nearer bound, as a range error.
            return checkRange(camel(member), n.bigIntegerValue().signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE,
                    min, max);
        }
        return checkRange(camel(member), n.asInt(), min, max);
    }

    public static int checkRange(String path, int v, int min, int max) {
        if (v < min) {
            throw AwsError.validation("1 validation error detected: Value '" + v + "' at '" + path
                    + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
        }
        if (v > max) {
            throw AwsError.validation("1 validation error detected: Value '" + v + "' at '" + path
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
        return v;
    }

    /** A string member whose value must be one of the model's enum values. */
    public String enumValue(String member, List<String> allowed) {
        String s = string(member);
        if (s != null && !allowed.contains(s)) {
            throw AwsError.validation("1 validation error detected: Value '" + s + "' at '" + camel(member)
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
        return s;
    }

    public Boolean bool(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw wrongType(member, n, "a boolean");
        }
        return n.asBoolean();
    }

    /** An awsJson timestamp: epoch seconds, possibly with a fraction. */
    public Instant timestamp(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw wrongType(member, n, "a timestamp in epoch seconds");
        }
        BigDecimal secs = n.decimalValue();
        if (secs.compareTo(EARLIEST_SECONDS) < 0 || secs.compareTo(LATEST_SECONDS) > 0) {
            throw AwsError.validation("1 validation error detected: Value '" + Excerpt.of(n.asText()) + "' at '"
                    + camel(member) + "' failed to satisfy constraint: Member must be a timestamp between years 1 and 9999");
        }
        long whole = secs.longValue();
        long nanos = secs.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    private static final BigDecimal EARLIEST_SECONDS = BigDecimal.valueOf(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond());
    private static final BigDecimal LATEST_SECONDS = BigDecimal.valueOf(Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());

    public List<String> strings(String member) {
        List<String> out = new ArrayList<>();
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw wrongType(member, n, "a list");
        }
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw wrongType(member + " member", e, "a string");
            }
            out.add(e.asText());
        }
        return out;
    }

    public JsonInput child(String member) {
        JsonNode n = body.get(member);
        if (n != null && !n.isNull() && !n.isObject()) {
            throw wrongType(member, n, "a structure");
        }
        return new JsonInput(n == null || n.isNull() ? JSON.createObjectNode() : n);
    }

    /** AWS's validation messages name members in lower camel case, e.g. recoveryPeriodInDays. */
    static String camel(String member) {
        return member.isEmpty() ? member : Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
