package io.backupsentinel.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Renders an {@link AwsError} in its protocol's shape: awsJson's {@code {"__type", "message"}} body,
 * restJson1's {@code x-amzn-ErrorType} header with a {@code Code/Message/Type/Context} body, awsQuery's
 * {@code <ErrorResponse>} XML. The SDKs pick their exception class from these.
 */
public final class ErrorRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Errors DynamoDB's front raises before the service itself sees the request, named with coral's namespaces. */
    private static final Set<String> CORAL_SERVICE = Set.of("SerializationException", "UnknownOperationException",
            "UnrecognizedClientException", "RequestEntityTooLarge", "IncompleteSignatureException");

    private ErrorRenderer() {
    }

    public static SandboxResponse render(Protocol protocol, AwsError e, String requestId) {
        Map<String, String> headers = new HashMap<>();
        byte[] body;
        switch (protocol) {
            case AWS_QUERY -> {
                String xml = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>"
                        + (e.senderFault() ? "Sender" : "Receiver") + "</Type><Code>" + xmlEscape(e.code())
                        + "</Code><Message>" + xmlEscape(e.getMessage()) + "</Message></Error><RequestId>"
                        + requestId + "</RequestId></ErrorResponse>";
                body = xml.getBytes(StandardCharsets.UTF_8);
            }
            case REST_JSON_1 -> {
                headers.put("x-amzn-ErrorType", e.code());
                ObjectNode n = JSON.createObjectNode();
                n.put("Code", e.code());
                n.put("Message", e.getMessage());
                n.put("Type", e.senderFault() ? "User" : "Service");
                if (e.context() != null) {
                    n.put("Context", e.context());
                }
                body = n.toString().getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                headers.put("x-amzn-ErrorType", e.code());
                ObjectNode n = JSON.createObjectNode();
                n.put("__type", namespace(protocol, e.code()) + e.code());
                n.put("message", e.getMessage());
                body = n.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
        return new SandboxResponse(e.httpStatus(), protocol.contentType(), body, headers);
    }

    /**
     * An error for a request whose protocol cannot be known, because Jetty could not parse even its request
     * line (e.g. a bad percent-escape in the path) and so read none of its headers: the
     * {@code x-amzn-ErrorType} header and the members that both awsJson ({@code __type}, {@code message})
     * and restJson1 ({@code Code}, {@code Message}) clients read.
     */
    public static SandboxResponse renderUnknownProtocol(AwsError e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("__type", "com.amazon.coral.service#" + e.code());
        n.put("message", e.getMessage());
        n.put("Code", e.code());
        n.put("Message", e.getMessage());
        return new SandboxResponse(e.httpStatus(), "application/json", n.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("x-amzn-ErrorType", e.code()));
    }

    private static String namespace(Protocol protocol, String code) {
        if (protocol == Protocol.AWS_JSON_1_1 || CORAL_SERVICE.contains(code)) {
            return "com.amazon.coral.service#";
        }
        return code.equals("ValidationException") ? "com.amazon.coral.validate#" : "com.amazonaws.dynamodb.v20120810#";
    }

    private static String xmlEscape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
