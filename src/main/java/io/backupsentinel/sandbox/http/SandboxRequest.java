package io.backupsentinel.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request as a service handler sees it. {@code path} is raw (still percent-encoded, since an ARN in a
 * path holds encoded slashes): read it through {@link #pathSegments()}. {@code query} holds decoded
 * parameters; header names are lower case. {@code accessKeyId}, {@code region} and {@code service} come
 * from the SigV4 Authorization header's credential scope.
 */
public record SandboxRequest(String method, String path, Map<String, List<String>> query,
                             Map<String, String> headers, byte[] body, String accessKeyId, String region,
                             String service) {
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String queryParam(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public List<String> queryParams(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** The path split on '/', each segment percent-decoded; empty segments dropped; a bad escape is a MalformedRequest. */
    public List<String> pathSegments() {
        List<String> out = new java.util.ArrayList<>();
        for (String raw : path.split("/")) {
            if (!raw.isEmpty()) {
                out.add(PercentDecoding.pathSegment(raw));
            }
        }
        return out;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
