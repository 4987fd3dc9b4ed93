package io.backupsentinel.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.report.period.Citation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seal of a report, and its text: one line of compact JSON,
 * <code>{"seal":"backup-sentinel-report/1","format":…,"sha256":…,"bytes":…,"head":{"seq":…,"hash":…},"asOf":…,
 * "parts":[{"name","offset","length","sha256","lines"}…],"check":…}</code>. {@code check} is the SHA-256 of the
 * same text without it (ending <code>}</code> after "parts"), so an edit of the seal itself is caught too.
 */
record Seal(String format, String sha256, long bytes, Citation head, Instant asOf, List<SealPart> parts) {
    static final String VERSION = "backup-sentinel-report/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHECK = Pattern.compile(",\"check\":\"([0-9a-f]{64})\"}$");

    static String text(Seal s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("seal", VERSION);
        o.put("format", s.format);
        o.put("sha256", s.sha256);
        o.put("bytes", s.bytes);
        ObjectNode head = o.putObject("head");
        head.put("seq", s.head.seq());
        head.put("hash", s.head.hash());
        o.put("asOf", s.asOf.toString());
        ArrayNode parts = o.putArray("parts");
        for (SealPart p : s.parts) {
            ObjectNode n = parts.addObject();
            n.put("name", p.name());
            n.put("offset", p.offset());
            n.put("length", p.length());
            n.put("sha256", p.sha256());
            n.put("lines", p.lineTags());
        }
        String unchecked = write(o);
        String check = Digests.sha256(unchecked.getBytes(StandardCharsets.UTF_8), 0, unchecked.getBytes(StandardCharsets.UTF_8).length);
        return unchecked.substring(0, unchecked.length() - 1) + ",\"check\":\"" + check + "\"}";
    }

    /** The seal in {@code text}, or an exception naming what is wrong with it. */
    static Seal parse(String text) {
        Matcher m = CHECK.matcher(text);
        if (!m.find()) {
            throw new SealException("the seal was altered: its check digest is missing or malformed");
        }
        String unchecked = text.substring(0, m.start()) + "}";
        byte[] b = unchecked.getBytes(StandardCharsets.UTF_8);
        if (!Digests.sha256(b, 0, b.length).equals(m.group(1))) {
            throw new SealException("the seal was altered: its check digest does not match its text");
        }
        try {
            JsonNode o = JSON.readTree(unchecked);
            if (!VERSION.equals(o.path("seal").asText())) {
                throw new SealException("unknown seal version " + o.path("seal").asText());
            }
            List<SealPart> parts = new ArrayList<>();
            for (JsonNode p : o.path("parts")) {
                parts.add(new SealPart(p.path("name").asText(), p.path("offset").asLong(), p.path("length").asLong(),
                        p.path("sha256").asText(), p.path("lines").asText()));
            }
            JsonNode head = o.path("head");
            return new Seal(o.path("format").asText(), o.path("sha256").asText(), o.path("bytes").asLong(),
                    new Citation(head.path("seq").asLong(), head.path("hash").asText()),
                    Instant.parse(o.path("asOf").asText()), parts);
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof SealException s) {
                throw s;
            }
            throw new SealException("the seal is not readable: " + e.getMessage());
        }
    }

    private static String write(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A seal that cannot be read or was altered. */
    static final class SealException extends RuntimeException {
        SealException(String message) {
            super(message);
        }
    }
}
