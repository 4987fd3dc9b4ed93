package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YNode;
import io.backupsentinel.sandbox.state.Region;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a vault anywhere in the world, as a scenario writes it: a vault ARN, {@code REGION/VAULT}
 * (same account) or {@code ACCOUNT/REGION/VAULT}. Used for copy destinations and copy sources.
 */
record VaultRef(String account, String region, String vault) {
    private static final Pattern ARN = Pattern.compile("arn:aws:backup:([a-z0-9-]+):(\\d{12}):backup-vault:([A-Za-z0-9_.-]+)");

    String arn() {
        return "arn:aws:backup:" + region + ":" + account + ":backup-vault:" + vault;
    }

    /** Parses a reference from {@code home}'s point of view; null (and an error on the node) when malformed. */
    static VaultRef parse(YNode node, Region home) {
        String text = node.string();
        if (text == null) {
            return null;
        }
        String t = text.trim();
        Matcher m = ARN.matcher(t);
        if (m.matches()) {
            return new VaultRef(m.group(2), m.group(1), m.group(3));
        }
        String[] parts = t.split("/");
        if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            return new VaultRef(home.account(), parts[0], parts[1]);
        }
        if (parts.length == 3 && parts[0].matches("\\d{12}") && !parts[2].isEmpty()) {
            return new VaultRef(parts[0], parts[1], parts[2]);
        }
        node.error("must name a vault as REGION/VAULT, ACCOUNT/REGION/VAULT or a vault ARN, got '" + t + "'");
        return null;
    }

    /** Records an error on the node, once every account is read, when the vault does not exist. */
    void mustExist(LoadContext ctx, YNode node) {
        ctx.later(() -> {
            boolean exists = ctx.world.findAccount(account)
                    .map(a -> a.regions().get(region))
                    .map(r -> r.vaults().containsKey(vault))
                    .orElse(false);
            if (!exists) {
                node.error("no vault '" + vault + "' in account " + account + " region " + region
                        + " of this scenario");
            }
        });
    }
}
