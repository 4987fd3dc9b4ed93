package io.backupsentinel.sandbox.http;

import io.backupsentinel.sandbox.state.World;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The embedded AWS on one port. Each request is routed to a {@link ServiceHandler} by the signing name in
 * its SigV4 credential scope (falling back to X-Amz-Target), to an account by its access key and to a
 * region by its credential scope; the {@link RequestGate} may refuse it first (throttling, outages).
 *
 * <p>It runs on Jetty: requests are parsed by a selector, so a client that sends half a header holds no
 * thread, and the {@link Limits#idleTimeoutMillis() idle timeout} closes it. Bodies are capped while they
 * stream in. Whatever a client sends, it gets a 4xx in its protocol's shape; a 5xx comes only from a fault
 * the gate was asked to inject, or from a bug (logged as one).
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final String DEFAULT_REGION = "us-east-1";
    private static final com.fasterxml.jackson.databind.ObjectMapper CONTROL_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * What the front accepts: the largest request body (bytes), the largest request line plus headers
     * (bytes), how long a connection may send nothing before it is closed, and how many requests may be
     * handled at once (handlers may sleep for injected latency, so more than the cores).
     */
    public record Limits(long maxBodyBytes, int maxHeaderBytes, long idleTimeoutMillis, int maxThreads) {
        public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 16 * 1024, 30_000, 256);
    }

    private final World world;
    private final Map<String, ServiceHandler> handlers = new HashMap<>();
    private final Limits limits;
    private final RequestReader reader;
    private volatile RequestGate gate = RequestGate.OPEN;
    /** Answers the unsigned {@code /_sandbox/...} requests that control the sandbox itself; null: none. */
    private volatile Function<SandboxRequest, SandboxResponse> control;
    private Server server;
    private ServerConnector connector;

    public SandboxServer(World world, List<ServiceHandler> services) {
        this(world, services, Limits.DEFAULT);
    }

    public SandboxServer(World world, List<ServiceHandler> services, Limits limits) {
        this.world = world;
        this.limits = limits;
        this.reader = new RequestReader(limits.maxBodyBytes());
        for (ServiceHandler h : services) {
            handlers.put(h.signingName(), h);
        }
    }

    public World world() {
        return world;
    }

    /** Serves {@code /_sandbox/...} paths (clock, faults) with {@code control}; they bypass the gate. */
    public void setControl(Function<SandboxRequest, SandboxResponse> control) {
        this.control = control;
    }

    public void setGate(RequestGate gate) {
        this.gate = gate;
    }

    /** Starts on the port (0 picks a free one) of the loopback address; returns this server. */
    public SandboxServer start(int port) throws IOException {
        return start("127.0.0.1", port);
    }

    public SandboxServer start(String host, int port) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()));
        threads.setName("sandbox-http");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setRequestHeaderSize(limits.maxHeaderBytes());
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        // ARNs travel in AWS Backup paths with their slashes encoded (%2F); the routes decode them per segment.
        config.setUriCompliance(UriCompliance.UNSAFE);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeoutMillis());
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                exchange(request, response, callback);
                return true;
            }
        });
        server.setErrorHandler(new ParserErrors(this::refusedByParser));
        try {
            server.start();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot start the sandbox's HTTP server: " + e.getMessage(), e);
        }
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String endpoint() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return "http://" + host + ":" + port();
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("the sandbox's HTTP server did not stop cleanly: {}", e.toString());
            }
        }
    }

    private void exchange(Request jetty, Response out, Callback callback) {
        String requestId = UUID.randomUUID().toString();
        ServiceHandler handler = null;
        SandboxResponse response;
        try {
            RequestReader.Head head = reader.head(jetty);
            if (control != null && head.path().startsWith(ControlPaths.PREFIX)) {
                response = control.apply(reader.read(jetty, head));
            } else {
                handler = route(head);
                SandboxRequest request = reader.read(jetty, head);
                String operation = handler.operation(request);
                String account = world.accountForAccessKey(request.accessKeyId());
                RequestContext ctx = new RequestContext(world, world.clock().instant(), account,
                        request.region() == null ? DEFAULT_REGION : request.region(), operation, requestId);
                gate.admit(handler.signingName(), operation, ctx);
                response = handler.handle(request, ctx);
            }
        } catch (AwsError e) {
            response = ErrorRenderer.render(protocolOf(handler), e, requestId);
        } catch (MalformedRequest e) {
            response = ErrorRenderer.render(protocolOf(handler), protocolOf(handler).malformed(e.getMessage()), requestId);
        } catch (IOException e) {
            // The client went away or stopped sending mid-body (the idle timeout): nobody is left to answer.
            LOG.debug("sandbox request body could not be read: {}", e.toString());
            callback.failed(e);
            return;
        } catch (RuntimeException e) {
            LOG.error("bug: the sandbox failed on a request it should have answered", e);
            AwsError internal = new AwsError(500, "InternalFailure", "the sandbox failed: " + e);
            response = ErrorRenderer.render(protocolOf(handler), internal, requestId);
        }
        write(out, response, requestId, callback);
    }

    private static Protocol protocolOf(ServiceHandler handler) {
        return handler == null ? Protocol.AWS_JSON_1_0 : handler.protocol();
    }

    /**
     * The answer to a request Jetty refused while parsing it: a control path gets the control plane's
     * {@code {"error": …}}; anything else the error shape of the protocol its headers name, or, when Jetty
     * could not read even the request line (so no headers either), a shape every JSON protocol reads.
     */
    private SandboxResponse refusedByParser(Request request, AwsErrorFactory error, String message) {
        String requestId = UUID.randomUUID().toString();
        String rawPath = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        if (control != null && rawPath != null && rawPath.startsWith(ControlPaths.PREFIX)) {
            AwsError e = error.create(Protocol.REST_JSON_1, message);
            String body = CONTROL_JSON.createObjectNode().put("error", e.getMessage()).toString();
            return new SandboxResponse(e.httpStatus(), "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }
        Map<String, String> headers = new HashMap<>();
        request.getHeaders().forEach(f -> headers.putIfAbsent(f.getLowerCaseName(), f.getValue()));
        if (headers.isEmpty()) {
            return ErrorRenderer.renderUnknownProtocol(error.create(Protocol.REST_JSON_1, message));
        }
        Protocol protocol;
        try {
            protocol = route(new RequestReader.Head(null, "", null, headers, SigV4.parse(headers.get("authorization"))))
                    .protocol();
        } catch (RuntimeException e) {
            protocol = Protocol.AWS_JSON_1_0;
        }
        return ErrorRenderer.render(protocol, error.create(protocol, message), requestId);
    }

    /** Builds the error for a status Jetty chose, in the protocol that will render it. */
    @FunctionalInterface
    interface AwsErrorFactory {
        AwsError create(Protocol protocol, String message);
    }

    private ServiceHandler route(RequestReader.Head head) {
        String service = head.scope() == null ? null : head.scope().service();
        if (service == null) {
            String target = head.header("x-amz-target");
            if (target != null && target.startsWith("DynamoDB_")) {
                service = "dynamodb";
            } else if (target != null && target.startsWith("ResourceGroupsTaggingAPI_")) {
                service = "tagging";
            }
        }
        ServiceHandler h = service == null ? null : handlers.get(service);
        if (h == null) {
            throw new AwsError(400, "UnrecognizedClientException", service == null
                    ? "the request names no service: sign it with SigV4 (the credential scope names the service)"
                    : "the sandbox does not serve the service '" + Excerpt.of(service) + "'");
        }
        return h;
    }

    /** Parses a raw query string; also used for awsQuery's form-encoded bodies. Bad escapes: MalformedRequest. */
    public static Map<String, List<String>> query(String raw) {
        return PercentDecoding.form(raw);
    }

    private static void write(Response out, SandboxResponse r, String requestId, Callback callback) {
        out.setStatus(r.status());
        out.getHeaders().put("Content-Type", r.contentType());
        out.getHeaders().put("x-amzn-RequestId", requestId);
        out.getHeaders().put("Content-Length", r.body().length);
        r.headers().forEach((k, v) -> out.getHeaders().put(k, v));
        out.write(true, ByteBuffer.wrap(r.body()), callback);
    }
}
