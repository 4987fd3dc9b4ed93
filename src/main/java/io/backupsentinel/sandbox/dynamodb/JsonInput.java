package io.backupsentinel.sandbox.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.http.AwsError;

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

    public String string(String member) {
        JsonNode n = body.get(member);
        return n == null || n.isNull() ? null : n.asText();
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
        return n == null || n.isNull() ? null : n.asBoolean();
    }

    /** An awsJson timestamp: epoch seconds, possibly with a fraction. */
    public Instant timestamp(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return null;
        }
        BigDecimal secs = n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText());
        long whole = secs.longValue();
        long nanos = secs.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    public List<String> strings(String member) {
        List<String> out = new ArrayList<>();
        JsonNode n = body.get(member);
        if (n != null && n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    public JsonInput child(String member) {
        JsonNode n = body.get(member);
        return new JsonInput(n == null || n.isNull() ? JSON.createObjectNode() : n);
    }

    /** AWS's validation messages name members in lower camel case, e.g. recoveryPeriodInDays. */
    static String camel(String member) {
        return member.isEmpty() ? member : Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
