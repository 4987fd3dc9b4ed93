package io.backupsentinel.config;

import io.backupsentinel.web.WebSettings;
import io.backupsentinel.web.auth.AuthSettings;
import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The {@code web:} section: where the status page, {@code /metrics} and the health endpoints listen, and
 * {@code base_url}, how users and PagerDuty links reach them; {@code auth}, who may use them ({@link AuthSection}).
 */
final class WebSection implements SectionReader<WebSettings> {
    @Override
    public String key() {
        return "web";
    }

    @Override
    public WebSettings read(YNode node, Path base) {
        WebSettings d = WebSettings.defaults();
        if (node == null) {
            return d;
        }
        YMap m = node.map();
        String bind = m.str("bind", d.bindAddress());
        long port = m.integer("port", (long) d.port(), 0, 65_535);
        String url = m.str("base_url", null);
        URI baseUrl = url == null ? URI.create("http://localhost:" + port + "/") : uri(m.get("base_url"), url);
        AuthSettings auth = AuthSection.read(m.get("auth"), base);
        m.finish();
        return new WebSettings(bind, (int) port, baseUrl == null ? d.baseUrl() : baseUrl, auth);
    }

    private static URI uri(YNode node, String text) {
        try {
            URI u = new URI(text);
            if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                node.error("must be an http(s) URL such as https://sentinel.example.com/");
                return null;
            }
            return text.endsWith("/") ? u : new URI(text + "/");
        } catch (URISyntaxException e) {
            node.error("is not a URL: " + e.getReason());
            return null;
        }
    }
}
