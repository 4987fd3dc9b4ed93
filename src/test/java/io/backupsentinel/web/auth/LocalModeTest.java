package io.backupsentinel.web.auth;

import io.backupsentinel.web.AdminGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No users and no tokens configured: the machine itself may do everything (as before access control), the
 * network gets nothing but public routes unless {@code anonymous: viewer} opens the read-only pages.
 */
class LocalModeTest {
    private AuthTestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void from_the_machine_itself_pages_and_reload_work_without_credentials() throws Exception {
        app = new AuthTestApp(AuthSettings.none());

        assertThat(app.send(app.request("/findings")).statusCode()).isEqualTo(200);
        assertThat(app.send(app.request("/-/reload").POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void from_the_machine_itself_a_browser_post_from_another_site_is_still_refused() throws Exception {
        app = new AuthTestApp(AuthSettings.none());
        HttpResponse<String> r = app.send(app.request("/-/reload").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void from_the_network_pages_and_reload_are_refused_with_the_reason() throws Exception {
        InetAddress external = externalAddress();
        app = new AuthTestApp(AuthSettings.none(), AdminGuard.loopbackOnly(), "0.0.0.0");

        HttpResponse<String> page = app.send(from(external, "/findings"));
        HttpResponse<String> reload = app.send(from(external, "/-/reload").POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> health = app.send(from(external, "/-/healthy"));

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("until web.auth has users or tokens");
        assertThat(reload.statusCode()).isEqualTo(403);
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void anonymous_viewer_opens_the_pages_to_the_network_but_not_reload() throws Exception {
        InetAddress external = externalAddress();
        AuthSettings open = new AuthSettings(List.of(), List.of(), true, AuthSettings.DEFAULT_SESSION_TTL,
                AuthSettings.SecureCookies.AUTO, AuthSettings.Role.VIEWER);
        app = new AuthTestApp(open, AdminGuard.loopbackOnly(), "0.0.0.0");

        assertThat(app.send(from(external, "/findings")).statusCode()).isEqualTo(200);
        assertThat(app.send(from(external, "/-/reload").POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_login_page_says_that_no_users_are_configured_and_how_to_add_one() throws Exception {
        app = new AuthTestApp(AuthSettings.none());
        HttpResponse<String> r = app.send(app.request("/login"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("No users are configured", "hash-password").doesNotContain("<form");
    }

    private HttpRequest.Builder from(InetAddress address, String path) {
        return HttpRequest.newBuilder(URI.create("http://" + address.getHostAddress() + ":" + app.port() + path));
    }

    /** An address of this machine that is not loopback, so the server sees a request from the network. */
    private static InetAddress externalAddress() throws Exception {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (n.isUp() && !n.isLoopback()) {
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLinkLocalAddress()) {
                        return a;
                    }
                }
            }
        }
        assumeTrue(false, "this machine has no non-loopback IPv4 address to call from");
        return null;
    }
}
