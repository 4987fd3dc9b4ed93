package io.backupsentinel.alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the PagerDuty routing key from a secret file or the environment, never from rules. Error messages name
 * where the key was looked for and what is wrong with it, never the key itself.
 */
public final class RoutingKey {
    /** The environment variable that holds the routing key when no secret file is configured. */
    public static final String ENVIRONMENT_VARIABLE = "BACKUP_SENTINEL_PAGERDUTY_ROUTING_KEY";
    /** PagerDuty's Events API v2 integration keys are 32 characters long. */
    public static final int LENGTH = 32;

    private RoutingKey() {
    }

    /**
     * The routing key from {@code secretFile} when one is configured (an explicit setting wins over the ambient
     * environment), otherwise from {@link #ENVIRONMENT_VARIABLE}.
     *
     * @throws IllegalArgumentException with a message fit for a user when there is no valid key
     */
    public static String read(Map<String, String> environment, Path secretFile) {
        if (secretFile != null) {
            String text;
            try {
                text = Files.readString(secretFile, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("the PagerDuty routing key file " + secretFile + " does not exist");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the PagerDuty routing key file " + secretFile + ": "
                        + e.getClass().getSimpleName());
            }
            // Secret files usually end with a newline that is not part of the key.
            return check(text.strip(), "the PagerDuty routing key in " + secretFile);
        }
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("PagerDuty is enabled but has no routing key: set the environment"
                    + " variable " + ENVIRONMENT_VARIABLE + " or configure a routing key file");
        }
        return check(value.strip(), "the PagerDuty routing key in " + ENVIRONMENT_VARIABLE);
    }

    /** Returns the key when it has the shape of an integration key; otherwise says what is wrong, not what it is. */
    static String check(String key, String what) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (key.length() != LENGTH) {
            throw new IllegalArgumentException(what + " has " + key.length() + " characters; PagerDuty integration"
                    + " keys have " + LENGTH);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException(what + " contains a blank or non-ASCII character at position " + (i + 1));
            }
        }
        return key;
    }
}
