package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.http.SandboxRequest;
import io.backupsentinel.sandbox.state.Region;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One AWS Backup call: its path labels and query parameters, read and validated the way the model
 * describes them (patterns, enums, ranges, timestamps), and paging over a listing. Bad values are refused
 * with InvalidParameterValueException naming the parameter.
 */
final class BackupCall {
    static final Pattern ACCOUNT_ID = Pattern.compile("^[0-9]{12}$");
    static final Pattern VAULT_NAME = Pattern.compile("^[a-zA-Z0-9\\-_]{2,50}$");
    static final Pattern RESOURCE_TYPE = Pattern.compile("^[a-zA-Z0-9\\-_.]{1,50}$");

    private final SandboxRequest request;
    private final RequestContext context;
    private final String operation;
    private final Map<String, String> labels;
    private final PageTokens tokens;

    BackupCall(SandboxRequest request, RequestContext context, String operation, Map<String, String> labels,
               PageTokens tokens) {
        this.request = request;
        this.context = context;
        this.operation = operation;
        this.labels = labels;
        this.tokens = tokens;
    }

    RequestContext context() {
        return context;
    }

    Region region() {
        return context.region();
    }

    RegionView view() {
        return new RegionView(context.world(), context.region());
    }

    Instant now() {
        return context.now();
    }

    String label(String name) {
        return labels.get(name);
    }

    /** A path label that must match {@code pattern}. */
    String label(String name, Pattern pattern) {
        String v = labels.get(name);
        if (!pattern.matcher(v).matches()) {
            throw BackupErrors.invalidParameter(name, name + " '" + v + "' does not match " + pattern.pattern());
        }
        return v;
    }

    String query(String name) {
        return request.queryParam(name);
    }

    String query(String name, Pattern pattern) {
        String v = query(name);
        if (v != null && !pattern.matcher(v).matches()) {
            throw BackupErrors.invalidParameter(name, name + " '" + v + "' does not match " + pattern.pattern());
        }
        return v;
    }

    String queryEnum(String name, Set<String> allowed) {
        String v = query(name);
        if (v != null && !allowed.contains(v)) {
            throw BackupErrors.invalidParameter(name,
                    name + " '" + v + "' is not one of " + allowed.stream().sorted().toList());
        }
        return v;
    }

    Boolean queryBoolean(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw BackupErrors.invalidParameter(name, name + " '" + v + "' is not true or false");
        }
        return Boolean.valueOf(v);
    }

    Integer queryInt(String name, int min, int max) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw BackupErrors.invalidParameter(name, name + " '" + v + "' is not an integer");
        }
        if (n < min || n > max) {
            throw BackupErrors.invalidParameter(name, name + " " + n + " is outside " + min + ".." + max);
        }
        return n;
    }

    /** A query timestamp: ISO-8601 as the SDKs send it, or epoch seconds. */
    Instant queryTime(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        try {
            if (v.matches("-?\\d+(\\.\\d+)?")) {
                BigDecimal seconds = new BigDecimal(v);
                return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw BackupErrors.invalidParameter(name, name + " '" + v + "' is not an ISO-8601 timestamp");
        }
    }

    /**
     * One page of {@code items} in the order of {@code sortKey} (unique per item). The token carries the
     * last key returned, so items added or removed between pages neither repeat nor shift the rest.
     */
    <T> Page<T> page(PageParams params, List<T> items, Function<T, String> sortKey) {
        Integer max = queryInt(params.maxResults(), PageParams.MIN, PageParams.MAX);
        int limit = max == null ? PageParams.DEFAULT : max;
        String listing = operation + "|" + context.account() + "|" + context.regionName() + "|" + labels;
        String token = query(params.nextToken());
        String after = token == null || token.isEmpty() ? null : tokens.lastKey(listing, token, params.nextToken());
        // Each item's key is built once, and only the items after the token are sorted: sorting the whole
        // listing with the key built per comparison made a page of 200,000 recovery points take seconds.
        List<Keyed<T>> rest = new ArrayList<>();
        for (T item : items) {
            String key = sortKey.apply(item);
            if (after == null || key.compareTo(after) > 0) {
                rest.add(new Keyed<>(key, item));
            }
        }
        rest.sort(Comparator.comparing(Keyed::key));
        List<T> out = new ArrayList<>();
        String next = null;
        for (Keyed<T> k : rest) {
            if (out.size() == limit) {
                next = tokens.issue(listing, rest.get(limit - 1).key());
                break;
            }
            out.add(k.item());
        }
        return new Page<>(out, next);
    }

    /**
     * A list response: one page of {@code items} (see {@link #page}) as {@code json} writes them, under
     * {@code listName}, then NextToken when more follow. Items {@code json} maps to null are left out.
     */
    <T> ObjectNode listResponse(PageParams params, List<T> items, Function<T, String> sortKey, String listName,
                                Function<T, ObjectNode> json) {
        Page<T> page = page(params, items, sortKey);
        ObjectNode out = Wire.object();
        ArrayNode list = out.putArray(listName);
        page.items().stream().map(json).filter(Objects::nonNull).forEach(list::add);
        Wire.put(out, "NextToken", page.nextToken());
        return out;
    }

    private record Keyed<T>(String key, T item) {
    }

    /**
     * A list response from a listing already in its order ({@code sorted} by sort key): the page starts
     * after the token's key and stops at the first item past the page, so a page costs the items it walks,
     * not the whole listing. Items {@code keep} refuses are skipped; {@code json} may map an item to null
     * to leave it out (as in {@link #listResponse}).
     */
    <T> ObjectNode sortedListResponse(PageParams params, java.util.NavigableMap<String, T> sorted,
                                      java.util.function.Predicate<T> keep, String listName, Function<T, ObjectNode> json) {
        Integer max = queryInt(params.maxResults(), PageParams.MIN, PageParams.MAX);
        int limit = max == null ? PageParams.DEFAULT : max;
        String listing = operation + "|" + context.account() + "|" + context.regionName() + "|" + labels;
        String token = query(params.nextToken());
        String after = token == null || token.isEmpty() ? null : tokens.lastKey(listing, token, params.nextToken());
        java.util.NavigableMap<String, T> rest = after == null ? sorted : sorted.tailMap(after, false);
        ObjectNode out = Wire.object();
        ArrayNode list = out.putArray(listName);
        int taken = 0;
        String last = null;
        String next = null;
        for (java.util.Map.Entry<String, T> e : rest.entrySet()) {
            if (!keep.test(e.getValue())) {
                continue;
            }
            if (taken == limit) {
                next = tokens.issue(listing, last);
                break;
            }
            ObjectNode item = json.apply(e.getValue());
            if (item != null) {
                list.add(item);
            }
            taken++;
            last = e.getKey();
        }
        Wire.put(out, "NextToken", next);
        return out;
    }

    /** A sort key that lists newer items first, ties broken by id. */
    static String newestFirst(Instant created, String id) {
        return io.backupsentinel.sandbox.state.RecoveryPointIndex.listingKey(created, id);
    }
}
