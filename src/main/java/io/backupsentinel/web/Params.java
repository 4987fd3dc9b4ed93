package io.backupsentinel.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Query and form parameters, checked before any route reads them. Javalin decodes a value with a malformed
 * percent-escape ({@code %zz}) as empty and invalid UTF-8 as U+FFFD, so a filter could vanish and widen what a page
 * or report shows; such a request is refused instead, with a 400 naming the parameter.
 */
public final class Params {
    /** Longer names are cut in errors, so a request never has its whole input echoed. */
    private static final int MAX_ECHO = 64;

    private Params() {
    }

    /** Refuses a query string, or a form body, whose escapes or UTF-8 are malformed. */
    static void checkEncoding(Context ctx) {
        check(ctx.queryString(), "query");
        String type = ctx.contentType();
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            check(ctx.body(), "form");
        }
    }

    private static void check(String encoded, String where) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName);
            if (name == null) {
                throw new BadRequestResponse("a " + where + " parameter's name has a malformed percent-escape or is not"
                        + " UTF-8: " + clip(rawName));
            }
            if (eq >= 0 && decode(pair.substring(eq + 1)) == null) {
                throw new BadRequestResponse(clip(name) + ": the value has a malformed percent-escape (% and two hex"
                        + " digits) or is not UTF-8 once decoded");
            }
        }
    }

    /** The decoded text, or null when an escape is malformed or the bytes are not UTF-8. */
    static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                char hi = s.charAt(i + 1);
                char lo = s.charAt(i + 2);
                if (!HexFormat.isHexDigit(hi) || !HexFormat.isHexDigit(lo)) {
                    return null;
                }
                bytes.write(HexFormat.fromHexDigit(hi) << 4 | HexFormat.fromHexDigit(lo));
                i += 3;
            } else if (c == '+') {
                bytes.write(' ');
                i++;
            } else {
                int end = i;
                while (end < s.length() && s.charAt(end) != '%' && s.charAt(end) != '+') {
                    end++;
                }
                bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String clip(String s) {
        return s.length() > MAX_ECHO ? s.substring(0, MAX_ECHO) + "…" : s;
    }
}
