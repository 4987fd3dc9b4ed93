package io.backupsentinel.web;

import io.javalin.security.RouteRole;

/** Who may call a route: anyone, or only requests that the {@link AdminGuard} lets through. */
public enum WebRole implements RouteRole {
    PUBLIC, ADMIN
}
