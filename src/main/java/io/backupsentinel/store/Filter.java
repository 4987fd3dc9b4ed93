package io.backupsentinel.store;

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
        and(sql, params, " AND rule = ?", withRule ? rule : null);
        and(sql, params, " AND account = ?", account);
        and(sql, params, " AND region = ?", region);
        and(sql, params, " AND tbl = ?", table);
        return sql.toString();
    }

    /** Appends {@code condition} (one placeholder) and its parameter {@code value}, unless the value is null. */
    static void and(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(condition);
            params.add(value);
        }
    }
}
