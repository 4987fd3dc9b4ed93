package io.backupsentinel.sandbox.backup;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Opaque NextTokens. A token names the listing that issued it (operation, account, region, path) and the
 * sort key of the last item returned, and is signed, so that a token from another listing, or one altered
 * by hand, is refused with InvalidParameterValueException instead of silently paging something else.
 */
final class PageTokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;

    PageTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    static PageTokens random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new PageTokens(secret);
    }

    String issue(String listing, String lastKey) {
        byte[] payload = (listing + '\n' + lastKey).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The last key a token carries; throws InvalidParameterValueException naming {@code param}. */
    String lastKey(String listing, String token, String param) {
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODER.decode(dot < 0 ? token : token.substring(0, dot));
            mac = dot < 0 ? new byte[0] : DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid(param);
        }
        if (!MessageDigest.isEqual(mac, mac(payload))) {
            throw invalid(param);
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        if (nl < 0 || !text.substring(0, nl).equals(listing)) {
            throw BackupErrors.invalidParameter(param,
                    "The " + param + " was issued by a different listing and cannot page this one");
        }
        return text.substring(nl + 1);
    }

    private static RuntimeException invalid(String param) {
        return BackupErrors.invalidParameter(param, "The " + param + " is not a token that this service issued");
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return Arrays.copyOf(m.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
