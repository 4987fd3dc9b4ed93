package io.backupsentinel.sandbox.backup;

import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.PercentDecoding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a request's method and raw path against the request URIs of the AWS Backup model
 * ({@code operations.txt}, generated from its {@code http} traits). A {@code {label}} matches exactly one
 * path segment, percent-decoded, so an ARN sent with its slashes and colons encoded arrives whole. Where
 * two templates match, the one with more literal segments wins (the most specific route).
 */
final class RouteTable {
    private final List<Route> routes;

    RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The table of every operation of the AWS Backup model. */
    static RouteTable backupModel() {
        try (InputStream in = RouteTable.class.getResourceAsStream("operations.txt")) {
            if (in == null) {
                throw new IllegalStateException("operations.txt is missing from the classpath");
            }
            List<Route> routes = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.trim().split("\\s+");
                    routes.add(Route.of(f[0], f[1], f[2]));
                }
            }
            return new RouteTable(routes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The operation a request names and its path labels. Throws UnknownOperationException (404) when no
     * operation has this method and path, and MissingParameterValueException when a label is empty.
     */
    Match match(String method, String rawPath) {
        List<String> segments = segments(rawPath);
        Route best = null;
        for (Route r : routes) {
            if (r.method().equals(method) && r.matches(segments)
                    && (best == null || r.literalCount() > best.literalCount())) {
                best = r;
            }
        }
        if (best == null) {
            throw new AwsError(404, "UnknownOperationException",
                    "AWS Backup has no operation for " + method + " " + rawPath);
        }
        Map<String, String> labels = best.labels(segments);
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw BackupErrors.missingParameter(e.getKey(),
                        best.operation() + " needs the path parameter " + e.getKey() + ", which is empty");
            }
        }
        return new Match(best.operation(), labels);
    }

    /** Splits on '/', keeping empty inner segments (an empty label) but not the leading or trailing one. */
    static List<String> segments(String rawPath) {
        String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String raw : p.split("/", -1)) {
            out.add(PercentDecoding.pathSegment(raw));
        }
        return out;
    }

    record Match(String operation, Map<String, String> labels) {
    }

    record Route(String method, List<String> template, String operation, int literalCount) {
        static Route of(String method, String uri, String operation) {
            int q = uri.indexOf('?');
            List<String> template = segments(q < 0 ? uri : uri.substring(0, q));
            int literals = (int) template.stream().filter(s -> !s.startsWith("{")).count();
            return new Route(method, template, operation, literals);
        }

        boolean matches(List<String> segments) {
            if (segments.size() != template.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                String t = template.get(i);
                if (!t.startsWith("{") && !t.equals(segments.get(i))) {
                    return false;
                }
            }
            return true;
        }

        Map<String, String> labels(List<String> segments) {
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < template.size(); i++) {
                String t = template.get(i);
                if (t.startsWith("{")) {
                    out.put(t.substring(1, t.length() - 1), segments.get(i));
                }
            }
            return out;
        }
    }
}
