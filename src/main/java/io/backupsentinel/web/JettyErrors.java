package io.backupsentinel.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.web.auth.SecurityHeaders;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The responses Jetty makes itself, for a request it cannot parse or route to Javalin (a malformed URI, a bad
 * header): the same security headers and the same {@code {"status":…,"error":…}} body as the routes' errors,
 * instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        SecurityHeaders.each(headers::put);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code, reason(message, cause))), callback);
    }

    /**
     * Jetty's own reason for refusing a request's path when it gives one (the innermost cause, e.g. "Illegal
     * character in path" for {@code %00}), else its message ("Bad Request").
     */
    static String reason(String message, Throwable cause) {
        Throwable root = cause;
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof NumberFormatException) {
            return "the path has a malformed percent-escape (% and two hex digits)";
        }
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            return "the path is refused: " + root.getMessage();
        }
        return message;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        SecurityHeaders.each(fields::put);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        String reason = HttpStatus.getMessage(status);
        body.put("error", message == null || message.isBlank() ? reason : message);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
