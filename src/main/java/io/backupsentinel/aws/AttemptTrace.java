package io.backupsentinel.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remembers, for one SDK call, what each attempt got back — the endpoint, the HTTP status, the content
 * type, and the error code and message of the last error answer — and attaches it to the call's final
 * exception as a suppressed {@link Trace}. The SDK's exception tells only how the call ended: after
 * repeated throttling it is an {@code ApiCallTimeoutException} that no longer says it was throttled, and
 * a garbage answer reads "Unable to execute HTTP request: null". {@link Causes} reads the trace to name
 * what came back.
 */
final class AttemptTrace implements ExecutionInterceptor {
    static final AttemptTrace INSTANCE = new AttemptTrace();

    private static final ExecutionAttribute<Trace> TRACE = new ExecutionAttribute<>("BackupSentinelAttemptTrace");
    /** Error bodies are small; reading more than this to find a code is not worth holding. */
    private static final int PEEK = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]{1,200})</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]{0,500})</Message>");

    private AttemptTrace() {
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(TRACE, new Trace());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Trace t = attributes.getAttribute(TRACE);
        if (t != null) {
            SdkHttpRequest r = context.httpRequest();
            t.attempts++;
            t.endpoint = r.protocol() + "://" + r.host() + (r.port() > 0 ? ":" + r.port() : "");
            t.status = null;
            t.contentType = null;
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Trace t = attributes.getAttribute(TRACE);
        if (t != null) {
            t.status = context.httpResponse().statusCode();
            t.contentType = context.httpResponse().firstMatchingHeader("Content-Type").orElse(null);
        }
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Trace t = attributes.getAttribute(TRACE);
        Optional<InputStream> body = context.responseBody();
        if (t == null || context.httpResponse().statusCode() < 400 || body.isEmpty()) {
            return body;
        }
        try {
            InputStream in = body.get();
            byte[] head = in.readNBytes(PEEK);
            t.errorAnswer(context.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null), head);
            // The SDK still parses the error itself: hand it the same bytes.
            return Optional.of(new SequenceInputStream(new ByteArrayInputStream(head), in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Trace t = attributes.getAttribute(TRACE);
        Throwable e = context.exception();
        if (t != null && t.attempts > 0) {
            e.addSuppressed(t);
        }
        return e;
    }

    /** The trace attached to an SDK exception (or one of its causes), or null. */
    static Trace of(Throwable e) {
        for (Throwable x = e; x != null; x = x.getCause() == x ? null : x.getCause()) {
            for (Throwable s : x.getSuppressed()) {
                if (s instanceof Trace t) {
                    return t;
                }
            }
        }
        return null;
    }

    /** What one call's attempts got back. Written by the SDK's calling thread only. */
    static final class Trace extends RuntimeException {
        int attempts;
        String endpoint;
        Integer status;
        String contentType;
        String lastErrorCode;
        String lastErrorMessage;

        Trace() {
            super("attempt trace", null, false, false);
        }

        void errorAnswer(String errorTypeHeader, byte[] body) {
            String code = errorTypeHeader == null ? null : errorTypeHeader.split(":", 2)[0].trim();
            String message = null;
            String text = new String(body, StandardCharsets.UTF_8).trim();
            if (text.startsWith("{")) {
                try {
                    JsonNode n = JSON.readTree(text);
                    String type = first(n, "__type", "code", "Code");
                    if (type != null && code == null) {
                        code = type.substring(type.lastIndexOf('#') + 1);
                    }
                    message = first(n, "message", "Message");
                } catch (IOException notJson) {
                    // A body cut at PEEK or not JSON after all: the code stays unknown.
                }
            } else if (text.startsWith("<")) {
                Matcher c = XML_CODE.matcher(text);
                Matcher m = XML_MESSAGE.matcher(text);
                code = code == null && c.find() ? c.group(1).trim() : code;
                message = m.find() ? m.group(1).trim() : null;
            }
            if (code != null && !code.isEmpty()) {
                lastErrorCode = code;
                lastErrorMessage = message;
            }
        }

        boolean jsonOrXml() {
            String ct = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
            return ct.contains("json") || ct.contains("xml");
        }

        private static String first(JsonNode n, String... fields) {
            for (String f : fields) {
                JsonNode v = n.get(f);
                if (v != null && v.isTextual() && !v.asText().isBlank()) {
                    return v.asText();
                }
            }
            return null;
        }
    }
}
