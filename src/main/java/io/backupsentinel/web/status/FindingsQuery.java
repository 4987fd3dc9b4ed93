package io.backupsentinel.web.status;

import io.backupsentinel.model.Status;
import io.javalin.http.Context;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The query of {@code GET /findings}, read and checked: every bad value is a 400 whose reason names the parameter
 * and what is accepted.
 */
public record FindingsQuery(FindingsFilter filter, int page, int size) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /** Longer values are no real account, region, rule or table name; refused so they are never echoed whole. */
    static final int MAX_VALUE = 256;

    static FindingsQuery read(Context ctx, Set<String> rules) {
        Status status = status(text(ctx, "status"));
        String rule = text(ctx, "rule");
        if (rule != null && !rules.contains(rule)) {
            throw PageException.badRequest("rule: there is no rule named '" + rule + "'; the rules are "
                    + String.join(", ", rules.stream().sorted().toList()));
        }
        FindingsFilter filter = new FindingsFilter(status, rule, text(ctx, "account"), text(ctx, "region"),
                text(ctx, "table"));
        int page = number(ctx, "page", 1, Integer.MAX_VALUE, 1);
        int size = number(ctx, "size", 1, MAX_SIZE, DEFAULT_SIZE);
        return new FindingsQuery(filter, page, size);
    }

    private static String text(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw PageException.badRequest(name + ": give it once, not " + values.size() + " times");
        }
        String v = values.isEmpty() ? null : values.get(0).trim();
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > MAX_VALUE) {
            throw PageException.badRequest(name + ": at most " + MAX_VALUE + " characters, not " + v.length());
        }
        return v;
    }

    private static Status status(String v) {
        if (v == null) {
            return null;
        }
        String name = v.toUpperCase(Locale.ROOT).replace('-', '_');
        for (Status s : Status.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw PageException.badRequest("status: '" + v + "' is not a status; use one of "
                + Arrays.stream(Status.values()).map(Status::name).collect(Collectors.joining(", ")));
    }

    private static int number(Context ctx, String name, int min, int max, int otherwise) {
        String v = text(ctx, name);
        if (v == null) {
            return otherwise;
        }
        if (!v.matches("[0-9]{1,10}")) {
            throw PageException.badRequest(name + ": '" + v + "' is not a whole number from " + min + " to " + max);
        }
        long n = Long.parseLong(v);
        if (n < min || n > max) {
            throw PageException.badRequest(name + ": " + n + " is not from " + min + " to " + max);
        }
        return (int) n;
    }
}
