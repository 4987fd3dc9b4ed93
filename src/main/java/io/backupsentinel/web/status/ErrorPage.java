package io.backupsentinel.web.status;

/** An HTML error: the status, its name and the reason. */
public record ErrorPage(int status, String title, String reason) {
}
