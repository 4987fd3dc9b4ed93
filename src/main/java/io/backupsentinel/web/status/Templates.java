package io.backupsentinel.web.status;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * The page templates, compiled to classes at build time from {@code src/main/jte} (jte-maven-plugin), HTML
 * escaping every value unless a template says {@code $unsafe}.
 */
final class Templates {
    /** With the charset: Javalin's {@code html()} leaves it out, and the pages are UTF-8. */
    static final String HTML = "text/html; charset=utf-8";
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    String render(String template, Object page) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, page, out);
        return out.toString();
    }

    void send(Context ctx, int status, String template, Object page) {
        ctx.status(status).header("Cache-Control", "no-store").contentType(HTML).result(render(template, page));
    }
}
