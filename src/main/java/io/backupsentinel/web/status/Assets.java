package io.backupsentinel.web.status;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /assets/{name}}: the page's stylesheet and script, read once from the classpath and served with a
 * cache lifetime (their names change only with a release, and an hour is short enough after one).
 */
final class Assets implements Handler {
    static final String CACHE_CONTROL = "public, max-age=3600";
    private static final Map<String, String> TYPES = Map.of(
            "sentinel.css", "text/css; charset=utf-8",
            "sentinel.js", "text/javascript; charset=utf-8");
    private final Map<String, byte[]> files;

    Assets() {
        this.files = Map.of("sentinel.css", read("sentinel.css"), "sentinel.js", read("sentinel.js"));
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("/io/backupsentinel/web/assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the build lost the asset " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] body = files.get(name);
        if (body == null) {
            String named = name.length() > FindingsQuery.MAX_VALUE ? "with a name of " + name.length() + " characters"
                    : "named '" + name + "'";
            throw PageException.notFound("there is no asset " + named + "; the assets are "
                    + String.join(", ", files.keySet().stream().sorted().toList()));
        }
        ctx.header("Cache-Control", CACHE_CONTROL).contentType(TYPES.get(name)).result(body);
    }
}
