package io.backupsentinel.sandbox.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the credential scope of a SigV4 Authorization header: access key, date, region, service. */
public record SigV4(String accessKeyId, String date, String region, String service) {
    private static final Pattern CREDENTIAL =
            Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request");

    /** Returns the scope, or null when the header is absent or not SigV4. */
    public static SigV4 parse(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher m = CREDENTIAL.matcher(authorization);
        return m.find() ? new SigV4(m.group(1), m.group(2), m.group(3), m.group(4)) : null;
    }
}
