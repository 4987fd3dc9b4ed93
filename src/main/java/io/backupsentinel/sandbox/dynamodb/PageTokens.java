package io.backupsentinel.sandbox.dynamodb;

import io.backupsentinel.sandbox.http.AwsError;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page tokens: the last key of the previous page, base64-encoded so clients do not parse them. */
public final class PageTokens {
    private PageTokens() {
    }

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a token; a token this sandbox did not issue is refused with the given error code. */
    public static String decode(String token, String errorCode) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AwsError(400, errorCode, "Invalid pagination token: " + token);
        }
    }
}
