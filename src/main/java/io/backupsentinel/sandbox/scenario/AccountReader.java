package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.sandbox.state.Account;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one entry of {@code accounts:}: its id, the access keys that route requests to it, the roles STS
 * AssumeRole may assume in it, and its regions.
 */
final class AccountReader {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ROLE = Pattern.compile("arn:aws:iam::(\\d{12}):role/[\\w+=,.@/-]+");

    private AccountReader() {
    }

    /** Returns the account id, or null when it is missing or malformed. */
    static String read(LoadContext ctx, YNode node) {
        YMap m = node.map();
        String id = m.requiredStr("id");
        if (id != null && !id.matches("\\d{12}")) {
            m.get("id").error("must be 12 digits (quote it to keep leading zeros), got '" + id + "'");
            id = null;
        }
        if (id != null && ctx.world.accounts().containsKey(id)) {
            m.get("id").error("account " + id + " is defined twice");
            id = null;
        }
        Account account = id == null ? new Account("000000000000") : ctx.world.account(id);
        YNode keys = m.get("access_keys");
        if (keys != null) {
            for (YNode k : keys.isScalar() ? java.util.List.of(keys) : keys.list()) {
                String key = k.string();
                if (key == null || id == null) {
                    continue;
                }
                String other = ctx.world.accessKeys().putIfAbsent(key.trim(), id);
                if (other != null) {
                    k.error("access key '" + key + "' already routes to account " + other);
                }
            }
        }
        YNode rolesNode = m.get("roles");
        if (rolesNode != null) {
            for (YNode r : rolesNode.isScalar() ? java.util.List.of(rolesNode) : rolesNode.list()) {
                String role = r.string();
                if (role == null) {
                    continue;
                }
                String arn = Roles.arn(role, account.id());
                var matcher = ROLE.matcher(arn);
                if (!matcher.matches()) {
                    r.error("must be a role name or arn:aws:iam::ACCOUNT:role/NAME, got '" + role + "'");
                } else if (id != null && !matcher.group(1).equals(id)) {
                    r.error("role " + arn + " belongs to account " + matcher.group(1) + ", not " + id);
                } else {
                    account.roles().add(arn);
                }
            }
        }
        YNode regions = m.get("regions");
        if (regions != null) {
            for (Map.Entry<String, YNode> e : regions.map().entries().entrySet()) {
                if (!REGION.matcher(e.getKey()).matches()) {
                    e.getValue().error("'" + e.getKey() + "' is not a region name such as us-east-1");
                    continue;
                }
                RegionReader.read(ctx, account.region(e.getKey()), e.getValue());
            }
        }
        m.finish();
        return id;
    }
}
