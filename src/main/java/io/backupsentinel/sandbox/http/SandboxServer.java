package io.backupsentinel.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.backupsentinel.sandbox.state.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The embedded AWS on one port. Each request is routed to a {@link ServiceHandler} by the signing name in
 * its SigV4 credential scope (falling back to X-Amz-Target), to an account by its access key and to a
 * region by its credential scope; the {@link RequestGate} may refuse it first (throttling, outages).
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_REGION = "us-east-1";

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK hold every keep-alive answer ~40 ms (700 requests/s instead of >10,000).
        // Read once when the JDK's server config class loads, so it is set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final World world;
    private final Map<String, ServiceHandler> handlers = new HashMap<>();
    private volatile RequestGate gate = RequestGate.OPEN;
    /** Answers the unsigned {@code /_sandbox/...} requests that control the sandbox itself; null: none. */
    private volatile java.util.function.Function<SandboxRequest, SandboxResponse> control;
    private HttpServer server;
    private ExecutorService executor;

    public SandboxServer(World world, List<ServiceHandler> services) {
        this.world = world;
        for (ServiceHandler h : services) {
            handlers.put(h.signingName(), h);
        }
    }

    public World world() {
        return world;
    }

    /** Serves {@code /_sandbox/...} paths (clock, faults) with {@code control}; they bypass the gate. */
    public void setControl(java.util.function.Function<SandboxRequest, SandboxResponse> control) {
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
        server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        // Handlers may sleep to simulate latency, so the pool is larger than the core count.
        executor = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "sandbox-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String endpoint() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void exchange(HttpExchange ex) throws IOException {
        String requestId = UUID.randomUUID().toString();
        ServiceHandler handler = null;
        SandboxResponse response;
        try {
            SandboxRequest request = read(ex);
            if (control != null && request.path().startsWith(ControlPaths.PREFIX)) {
                write(ex, control.apply(request), requestId);
                return;
            }
            handler = route(request);
            String operation = handler.operation(request);
            String account = world.accountForAccessKey(request.accessKeyId());
            RequestContext ctx = new RequestContext(world, world.clock().instant(), account,
                    request.region() == null ? DEFAULT_REGION : request.region(), operation, requestId);
            gate.admit(handler.signingName(), operation, ctx);
            response = handler.handle(request, ctx);
        } catch (AwsError e) {
            response = render(handler == null ? Protocol.AWS_JSON_1_0 : handler.protocol(), e, requestId);
        } catch (RuntimeException e) {
            LOG.warn("sandbox request failed", e);
            AwsError internal = new AwsError(500, "InternalServerError", String.valueOf(e.getMessage()));
            response = render(handler == null ? Protocol.AWS_JSON_1_0 : handler.protocol(), internal, requestId);
        }
        write(ex, response, requestId);
    }

    private ServiceHandler route(SandboxRequest request) {
        String service = request.service();
        if (service == null) {
            String target = request.header("x-amz-target");
            if (target != null && target.startsWith("DynamoDB_")) {
                service = "dynamodb";
            } else if (target != null && target.startsWith("ResourceGroupsTaggingAPI_")) {
                service = "tagging";
            }
        }
        ServiceHandler h = service == null ? null : handlers.get(service);
        if (h == null) {
            throw new AwsError(400, "UnrecognizedClientException",
                    "the sandbox does not serve the service '" + service + "'");
        }
        return h;
    }

    private static SandboxRequest read(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        SigV4 scope = SigV4.parse(headers.get("authorization"));
        return new SandboxRequest(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                query(ex.getRequestURI().getRawQuery()), headers, body,
                scope == null ? null : scope.accessKeyId(), scope == null ? null : scope.region(),
                scope == null ? null : scope.service());
    }

    /** Parses a raw query string; also used for awsQuery's form-encoded bodies. */
    public static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    static SandboxResponse render(Protocol protocol, AwsError e, String requestId) {
        Map<String, String> headers = new HashMap<>();
        headers.put("x-amzn-ErrorType", e.code());
        byte[] body;
        switch (protocol) {
            case AWS_QUERY -> {
                String xml = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>"
                        + (e.senderFault() ? "Sender" : "Receiver") + "</Type><Code>" + xmlEscape(e.code())
                        + "</Code><Message>" + xmlEscape(e.getMessage()) + "</Message></Error><RequestId>"
                        + requestId + "</RequestId></ErrorResponse>";
                body = xml.getBytes(StandardCharsets.UTF_8);
                headers.remove("x-amzn-ErrorType");
            }
            case REST_JSON_1 -> {
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
                ObjectNode n = JSON.createObjectNode();
                String prefix = protocol == Protocol.AWS_JSON_1_0 ? "com.amazonaws.dynamodb.v20120810#"
                        : "com.amazon.coral.service#";
                n.put("__type", prefix + e.code());
                n.put("message", e.getMessage());
                body = n.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
        return new SandboxResponse(e.httpStatus(), protocol.contentType(), body, headers);
    }

    private static String xmlEscape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void write(HttpExchange ex, SandboxResponse r, String requestId) throws IOException {
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        ex.getResponseHeaders().set("x-amzn-RequestId", requestId);
        r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        if (r.body().length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
        ex.close();
    }
}
