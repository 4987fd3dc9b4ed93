package io.backupsentinel.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Narrows a history query to one rule, account, region or table; a null field matches everything. The
 * rule is ignored for records that have none (posture changes, audit runs).
 */
public record Filter(String rule, String account, String region, String table) {
    public static final Filter ALL = new Filter(null, null, null, null);

    public static Filter rule(String rule) {
        return new Filter(rule, null, null, null);
    }

    public static Filter table(String account, String region, String table) {
        return new Filter(null, account, region, table);
    }

    /** The SQL conditions, each starting with {@code AND}, and their parameters in order. */
    String sql(List<Object> params, boolean withRule) {
        StringBuilder sql = new StringBuilder();
        List<Object> p = new ArrayList<>();
        if (withRule && rule != null) {
            sql.append(" AND rule = ?");
            p.add(rule);
        }
        if (account != null) {
            sql.append(" AND account = ?");
            p.add(account);
        }
        if (region != null) {
            sql.append(" AND region = ?");
            p.add(region);
        }
        if (table != null) {
            sql.append(" AND tbl = ?");
            p.add(table);
        }
        params.addAll(p);
        return sql.toString();
    }
}
