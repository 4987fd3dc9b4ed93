package io.backupsentinel.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP endpoint that misbehaves on purpose, on a plain {@link ServerSocket} so that it can do what no
 * HTTP server would: accept and never answer, or answer with bytes that are not HTTP. STS GetCallerIdentity
 * is always answered (so the collector knows its account); every other request gets the current
 * {@link Mode}. Counts the requests it read.
 */
final class FaultyEndpoint implements AutoCloseable {
    enum Mode { HEALTHY, BLACK_HOLE, GARBAGE, HTML_500, THROTTLE }

    static final String ACCOUNT = "111111111111";

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Mode mode;
    private volatile boolean stsToo;

    FaultyEndpoint(Mode mode) throws IOException {
        this.mode = mode;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    void mode(Mode m) {
        mode = m;
    }

    /** Makes STS GetCallerIdentity suffer the mode too. */
    void stsToo() {
        stsToo = true;
    }

    /** Requests read so far (GetCallerIdentity included). */
    int requests() {
        return requests.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "faulty-endpoint-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String request = readRequest(in);
                if (request == null) {
                    return;
                }
                requests.incrementAndGet();
                if (request.contains("Action=GetCallerIdentity") && !stsToo) {
                    respond(out, "200 OK", "text/xml", """
                            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\
                            <GetCallerIdentityResult><Arn>arn:aws:iam::%s:user/test</Arn><UserId>AIDTEST</UserId>\
                            <Account>%s</Account></GetCallerIdentityResult>\
                            <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>"""
                            .formatted(ACCOUNT, ACCOUNT), false);
                    continue;
                }
                switch (mode) {
                    case HEALTHY -> respond(out, "200 OK", "application/x-amz-json-1.0", "{\"TableNames\":[]}", false);
                    case BLACK_HOLE -> {
                        // Read whatever else comes and never answer, until the client gives up.
                        while (in.read() >= 0) {
                            continue;
                        }
                        return;
                    }
                    case GARBAGE -> {
                        out.write(new byte[] {(byte) 0xde, (byte) 0xad, 0, (byte) 0xbe, (byte) 0xef, 1, 2, 3, '\r', '\n'});
                        out.flush();
                        return;
                    }
                    case HTML_500 -> {
                        respond(out, "500 Internal Server Error", "text/html",
                                "<html><body><h1>500 Internal Server Error</h1></body></html>", true);
                        return;
                    }
                    case THROTTLE -> respond(out, "400 Bad Request", "application/x-amz-json-1.0",
                            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\","
                                    + "\"message\":\"Rate exceeded\"}", false);
                }
            }
        } catch (IOException gone) {
            // The client closed the connection: nothing to do.
        }
    }

    /** Reads one request (head and Content-Length body); null at the end of the stream. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void respond(OutputStream out, String status, String type, String body, boolean close)
            throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + b.length
                + (close ? "\r\nConnection: close" : "") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(b);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
