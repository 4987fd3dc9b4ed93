package io.backupsentinel.sandbox.fault;

import java.util.Locale;

/**
 * Which requests a fault or limit applies to: an account, region, service (SigV4 signing name: dynamodb,
 * backup, tagging, sts) and operation; a null part matches anything. Written as text
 * {@code ACCOUNT/REGION/SERVICE/OPERATION} with {@code *} for "any", e.g. {@code 111111111111/ap-southeast-2/dynamodb}.
 */
public record Selector(String account, String region, String service, String operation) {
    public static final Selector ANY = new Selector(null, null, null, null);

    public Selector {
        account = wildcard(account);
        region = wildcard(region);
        service = service == null ? null : wildcard(service.toLowerCase(Locale.ROOT));
        operation = wildcard(operation);
    }

    /** Parses {@code ACCOUNT/REGION/SERVICE/OPERATION}; trailing parts may be left out and mean any. */
    public static Selector parse(String text) {
        String[] p = text.trim().split("/", -1);
        if (p.length > 4) {
            throw new IllegalArgumentException("'" + text + "' is not a selector: write ACCOUNT/REGION/SERVICE/OPERATION"
                    + " with * for any part");
        }
        return new Selector(p[0], p.length > 1 ? p[1] : null, p.length > 2 ? p[2] : null, p.length > 3 ? p[3] : null);
    }

    public static Selector account(String account) {
        return new Selector(account, null, null, null);
    }

    public static Selector region(String account, String region) {
        return new Selector(account, region, null, null);
    }

    public static Selector operation(String service, String operation) {
        return new Selector(null, null, service, operation);
    }

    public Selector inRegion(String newRegion) {
        return new Selector(account, newRegion, service, operation);
    }

    public Selector inAccount(String newAccount) {
        return new Selector(newAccount, region, service, operation);
    }

    public boolean matches(String acct, String reg, String svc, String op) {
        return (account == null || account.equals(acct)) && (region == null || region.equals(reg))
                && (service == null || service.equals(svc)) && (operation == null || operation.equals(op));
    }

    /** How many parts are fixed: the most specific matching selector wins. */
    public int specificity() {
        return (account == null ? 0 : 1) + (region == null ? 0 : 1) + (service == null ? 0 : 1)
                + (operation == null ? 0 : 1);
    }

    @Override
    public String toString() {
        return part(account) + "/" + part(region) + "/" + part(service) + "/" + part(operation);
    }

    private static String part(String s) {
        return s == null ? "*" : s;
    }

    private static String wildcard(String s) {
        return s == null || s.isBlank() || "*".equals(s.trim()) ? null : s.trim();
    }
}
