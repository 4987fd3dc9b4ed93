package io.backupsentinel.web.status;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code GET /findings} shows: each part null when not filtered. Account and region match exactly, rule
 * exactly, table as a case-insensitive substring.
 */
public record FindingsFilter(Status status, String rule, String account, String region, String table) {
    public static final FindingsFilter ALL = new FindingsFilter(null, null, null, null, null);

    public boolean matches(Finding f) {
        return (status == null || f.status() == status)
                && (rule == null || rule.equals(f.rule()))
                && (account == null || account.equals(f.account()))
                && (region == null || region.equals(f.region()))
                && (table == null || containsIgnoreCase(f.table(), table));
    }

    /** Substring match without case and without allocating: it runs once per finding of the fleet. */
    static boolean containsIgnoreCase(String text, String part) {
        int last = text.length() - part.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return status == null && rule == null && account == null && region == null && table == null;
    }

    public FindingsFilter withStatus(Status s) {
        return new FindingsFilter(s, rule, account, region, table);
    }

    /** {@code /findings?...} for this filter and page; parts not filtered are left out. */
    public String href(int page, int size) {
        List<String> parts = new ArrayList<>();
        add(parts, "status", status == null ? null : status.name());
        add(parts, "rule", rule);
        add(parts, "account", account);
        add(parts, "region", region);
        add(parts, "table", table);
        if (page != 1) {
            parts.add("page=" + page);
        }
        if (size != FindingsQuery.DEFAULT_SIZE) {
            parts.add("size=" + size);
        }
        return parts.isEmpty() ? "/findings" : "/findings?" + String.join("&", parts);
    }

    /** The first page of this filter at the default size. */
    public String href() {
        return href(1, FindingsQuery.DEFAULT_SIZE);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + Fmt.param(value));
        }
    }

    /** A filter of one account-region. */
    public static FindingsFilter of(String account, String region) {
        return new FindingsFilter(null, null, account, region, null);
    }

    /** A filter of one rule, and a status if given. */
    public static FindingsFilter ofRule(String rule, Status status) {
        return new FindingsFilter(status, rule, null, null, null);
    }
}
