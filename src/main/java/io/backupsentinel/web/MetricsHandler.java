package io.backupsentinel.web;

import io.backupsentinel.metrics.SentinelMetrics;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /metrics} in the Prometheus text format 0.0.4, gzip-compressed when the scraper accepts it
 * (Prometheus always does). The body is written from the metrics' cached parts with its length known.
 */
final class MetricsHandler implements Handler {
    private final SentinelMetrics metrics;

    MetricsHandler(SentinelMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        List<byte[]> parts = metrics.parts(gzip);
        long length = parts.stream().mapToLong(p -> p.length).sum();
        ctx.contentType(SentinelMetrics.CONTENT_TYPE);
        ctx.header("Content-Length", Long.toString(length));
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
        }
        ctx.header("Vary", "Accept-Encoding");
        OutputStream out = ctx.outputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
    }

    /** True when the header lists gzip without {@code q=0}; e.g. Prometheus sends "gzip". */
    static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String coding : header.split(",")) {
            String[] parts = coding.trim().toLowerCase(Locale.ROOT).split(";");
            if (parts[0].trim().equals("gzip")) {
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].replace(" ", "");
                    if (p.equals("q=0") || p.matches("q=0\\.0*")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
