package io.backupsentinel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What a benchmark needs to know of a sandbox scenario that runs in another JVM: its accounts with their
 * first access key (null for the default account, which any key reaches) and regions, and the limit scale.
 * Read from the YAML tree, without generating the world, so the collecting JVM's heap holds none of it.
 */
record ScenarioOutline(List<Account> accounts, double scale) {
    record Account(String id, String key, List<String> regions) {
    }

    static ScenarioOutline read(String name) throws IOException {
        JsonNode root;
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        if (Files.exists(Path.of(name))) {
            root = yaml.readTree(Path.of(name).toFile());
        } else {
            try (InputStream in = ScenarioOutline.class.getResourceAsStream("/scenarios/" + name)) {
                if (in == null) {
                    throw new IOException("no scenario file or bundled scenario named " + name);
                }
                root = yaml.readTree(in);
            }
        }
        String defaultAccount = root.path("default_account").asText(root.path("accounts").path(0).path("id").asText());
        List<Account> accounts = new ArrayList<>();
        for (JsonNode a : root.path("accounts")) {
            String id = a.path("id").asText();
            JsonNode keys = a.path("access_keys");
            String key = keys.size() > 0 ? keys.get(0).asText() : null;
            if (key == null && !id.equals(defaultAccount)) {
                continue;
            }
            List<String> regions = new ArrayList<>();
            for (Iterator<String> it = a.path("regions").fieldNames(); it.hasNext(); ) {
                regions.add(it.next());
            }
            accounts.add(new Account(id, id.equals(defaultAccount) ? null : key, regions));
        }
        return new ScenarioOutline(accounts, root.path("faults").path("scale").asDouble(1.0));
    }
}
