package io.backupsentinel.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A response body with its status and content type; extra headers are rare (e.g. x-amzn-ErrorType). */
public record SandboxResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static SandboxResponse ok(String contentType, byte[] body) {
        return new SandboxResponse(200, contentType, body, Map.of());
    }

    public static SandboxResponse ok(String contentType, String body) {
        return ok(contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
