package io.backupsentinel.sandbox.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a Jetty request into a {@link SandboxRequest}. The body is read as a stream and refused with 413
 * the moment it passes the cap; a Content-Length over the cap is refused before a byte of the body is read.
 */
final class RequestReader {
    private final long maxBodyBytes;

    RequestReader(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Headers, path and query only: enough to route the request and to pick its error shape. */
    Head head(Request request) {
        Map<String, String> headers = new HashMap<>();
        for (HttpField f : request.getHeaders()) {
            headers.merge(f.getName().toLowerCase(Locale.ROOT), f.getValue(), (a, b) -> a + "," + b);
        }
        return new Head(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                headers, SigV4.parse(headers.get("authorization")));
    }

    SandboxRequest read(Request request, Head head) throws IOException {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] body = body(Content.Source.asInputStream(request), declared);
        SigV4 scope = head.scope();
        return new SandboxRequest(head.method(), head.path(), PercentDecoding.form(head.query()), head.headers(), body,
                scope == null ? null : scope.accessKeyId(), scope == null ? null : scope.region(),
                scope == null ? null : scope.service());
    }

    private byte[] body(InputStream in, long declared) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        byte[] buf = new byte[8192];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            if (out.size() + (long) n > maxBodyBytes) {
                throw tooLarge();
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private AwsError tooLarge() {
        return new AwsError(413, "RequestEntityTooLarge",
                "Request Entity Too Large: the sandbox accepts request bodies of at most " + maxBodyBytes + " bytes");
    }

    /** What a request says before its body is read. */
    record Head(String method, String path, String query, Map<String, String> headers, SigV4 scope) {
        String header(String name) {
            return headers.get(name);
        }
    }
}
