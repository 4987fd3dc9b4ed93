package io.backupsentinel.sandbox.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Answers the requests Jetty refuses before the sandbox sees them (a request line or headers too large, a
 * malformed request line, header or URI escape) in the error shape the sandbox would have used, instead of
 * Jetty's HTML error page.
 */
final class ParserErrors extends ErrorHandler {
    /** Renders a refusal: the request, how to build the error for a protocol, and the reason. */
    @FunctionalInterface
    interface Renderer {
        SandboxResponse render(Request request, SandboxServer.AwsErrorFactory error, String message);
    }

    private final Renderer renderer;

    ParserErrors(Renderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : statusOf(request);
        Object reason = request.getAttribute(ERROR_MESSAGE);
        String message = "the sandbox cannot read this request" + (reason == null ? "" : ": " + reason);
        SandboxServer.AwsErrorFactory error = (protocol, text) -> switch (status) {
            case 400 -> protocol.malformed(text);
            case 413 -> new AwsError(413, "RequestEntityTooLarge", text);
            case 414 -> new AwsError(414, "RequestURITooLong", text);
            case 431 -> new AwsError(431, "RequestHeaderFieldsTooLarge", text);
            default -> new AwsError(status, status >= 500 ? "InternalFailure" : "BadRequest", text);
        };
        SandboxResponse r = renderer.render(request, error, message);
        response.setStatus(r.status());
        response.getHeaders().put("Content-Type", r.contentType());
        r.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.write(true, ByteBuffer.wrap(r.body()), callback);
        return true;
    }

    private static int statusOf(Request request) {
        Object s = request.getAttribute(ERROR_STATUS);
        return s instanceof Integer i ? i : 400;
    }
}
