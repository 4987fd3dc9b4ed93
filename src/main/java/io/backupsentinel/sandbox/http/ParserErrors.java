package io.backupsentinel.sandbox.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.function.Function;

/**
 * Answers the requests Jetty refuses before the sandbox sees them (a request line or headers too large, a
 * malformed request line or header, a bad URI) in the AWS error shape of the protocol the request seems to
 * speak, instead of Jetty's HTML error page.
 */
final class ParserErrors extends ErrorHandler {
    private final Function<Request, Protocol> protocolOf;

    ParserErrors(Function<Request, Protocol> protocolOf) {
        this.protocolOf = protocolOf;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : statusOf(request);
        Object reason = request.getAttribute(ERROR_MESSAGE);
        String message = "the sandbox cannot read this request" + (reason == null ? "" : ": " + reason);
        Protocol protocol = protocolOf.apply(request);
        AwsError error = switch (status) {
            case 400 -> protocol.malformed(message);
            case 413 -> new AwsError(413, "RequestEntityTooLarge", message);
            case 414 -> new AwsError(414, "RequestURITooLong", message);
            case 431 -> new AwsError(431, "RequestHeaderFieldsTooLarge", message);
            default -> new AwsError(status, status >= 500 ? "InternalFailure" : "BadRequest", message);
        };
        String requestId = UUID.randomUUID().toString();
        SandboxResponse r = ErrorRenderer.render(protocol, error, requestId);
        response.setStatus(r.status());
        response.getHeaders().put("Content-Type", r.contentType());
        response.getHeaders().put("x-amzn-RequestId", requestId);
        r.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.write(true, ByteBuffer.wrap(r.body()), callback);
        return true;
    }

    private static int statusOf(Request request) {
        Object s = request.getAttribute(ERROR_STATUS);
        return s instanceof Integer i ? i : 400;
    }
}
