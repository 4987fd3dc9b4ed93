package io.backupsentinel.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Decides whether a request may perform an admin action (routes with {@link WebRole#ADMIN}, such as
 * {@code POST /-/reload}). This is the seam for authentication: a guard denies by throwing an
 * {@link io.javalin.http.HttpResponseException} (401 or 403) whose message is the reason.
 */
@FunctionalInterface
public interface AdminGuard {
    void check(Context ctx);

    /**
     * Admin actions only from the machine itself: the default until authentication is configured, so that
     * a server bound to every address does not let the network reload its rules.
     */
    static AdminGuard loopbackOnly() {
        return ctx -> {
            if (!isLoopback(ctx.req().getRemoteAddr())) {
                throw new ForbiddenResponse("admin actions are accepted from loopback only until authentication is configured");
            }
        };
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
