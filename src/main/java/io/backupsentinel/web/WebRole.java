package io.backupsentinel.web;

import io.javalin.security.RouteRole;

/**
 * Who may call a route: anyone ({@code /metrics} and health, unless configured otherwise), a viewer (the status
 * page and report downloads), or an admin (reload and other actions). Requests for {@link #ADMIN} routes pass
 * the {@link AdminGuard}.
 */
public enum WebRole implements RouteRole {
    PUBLIC, VIEWER, ADMIN
}
