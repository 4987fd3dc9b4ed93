package io.backupsentinel.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Percent-decoding of paths, query strings and form bodies that refuses bad escapes ({@code %zz}, a
 * trailing {@code %}) with {@link MalformedRequest} instead of letting {@link URLDecoder}'s
 * IllegalArgumentException surface as a server error.
 */
public final class PercentDecoding {
    private PercentDecoding() {
    }

    /** One path segment: '+' is a literal plus in a path, not a space as in a form. */
    public static String pathSegment(String raw) {
        return decode(raw.replace("+", "%2B"), "path segment");
    }

    /** A query string or form body ({@code a=1&b=2}) as parameters in order; repeated names keep every value. */
    public static Map<String, List<String>> form(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq), "parameter name");
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1), "value of parameter " + k);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String decode(String raw, String what) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequest("the " + what + " '" + Excerpt.of(raw) + "' has a malformed percent-escape");
        }
    }
}
