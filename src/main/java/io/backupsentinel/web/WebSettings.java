package io.backupsentinel.web;

import io.backupsentinel.web.auth.AuthSettings;

import java.net.URI;
import java.util.Objects;

/**
 * The web server's settings, read by the {@code config} package.
 *
 * @param bindAddress the address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port        the port, {@link #DEFAULT_PORT} by default; 0 picks a free one (tests)
 * @param baseUrl     how users and alerts reach this server, e.g. {@code https://sentinel.example.com/}; links
 *                    in alerts and pages are made from it
 * @param auth        who may use which route ({@code web.auth}); {@link AuthSettings#none()} is local mode
 */
public record WebSettings(String bindAddress, int port, URI baseUrl, AuthSettings auth) {
    public static final int DEFAULT_PORT = 9797;

    public WebSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(auth, "auth");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
    }

    /** Settings without access control configured (local mode). */
    public WebSettings(String bindAddress, int port, URI baseUrl) {
        this(bindAddress, port, baseUrl, AuthSettings.none());
    }

    /** The same settings with access control. */
    public WebSettings withAuth(AuthSettings auth) {
        return new WebSettings(bindAddress, port, baseUrl, auth);
    }

    /** Listens on every address at the default port; links point at localhost. */
    public static WebSettings defaults() {
        return new WebSettings("0.0.0.0", DEFAULT_PORT, URI.create("http://localhost:" + DEFAULT_PORT + "/"));
    }
}
