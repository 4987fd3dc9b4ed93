package io.backupsentinel.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;

/**
 * The canonical form of a history record and its hash, defined so that anyone can recompute it with a JSON
 * library and {@code sha256sum}:
 * <ul>
 * <li><b>Body</b>: JSON text with no insignificant whitespace; object keys sorted by Java string order
 * (UTF-16 code units, as RFC 8785 does; every key we write is ASCII); every field written, absent values
 * as {@code null}; numbers are integers only; strings escape only what JSON requires (quote, backslash,
 * control characters), every other character is written as itself; instants are ISO-8601 UTC with exactly
 * nine fractional digits ({@code 2026-01-02T03:04:05.000000000Z}); durations are ISO-8601
 * ({@link java.time.Duration#toString()}).</li>
 * <li><b>Hash</b>: lowercase hex SHA-256 of the UTF-8 bytes of {@code SEQ "\n" KIND "\n" PREV "\n" BODY},
 * where SEQ is the record's decimal sequence number, KIND its kind ({@code transition}, {@code posture},
 * {@code run}, {@code outbox}, {@code checkpoint}), PREV the previous record's hash ({@link #GENESIS} for
 * the first record) and BODY the canonical body exactly as stored.</li>
 * </ul>
 */
public final class Canonical {
    /** The "previous hash" of the first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Canonical() {
    }

    /** The canonical JSON of a tree of maps, lists, strings, integers, booleans and nulls. */
    static String json(Map<String, ?> tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as canonical JSON: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String instant(Instant at) {
        return at == null ? null : INSTANT.format(at);
    }

    /** The record hash, as defined above. */
    public static String hash(long seq, String kind, String prev, String body) {
        return sha256(seq + "\n" + kind + "\n" + prev + "\n" + body);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
