package io.backupsentinel.sandbox.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * What AWS documents for job listings. ListBackupJobs "returns a list of existing backup jobs ... for the
 * last 30 days" (the copy-job listing keeps the same window in the console and API), and a job's
 * MessageCategory groups its status message; the ByMessageCategory values ANY, * and AGGREGATE_ALL match
 * every category.
 */
final class JobRules {
    static final Duration LISTING_WINDOW = Duration.ofDays(30);
    private static final Set<String> ALL_CATEGORIES = Set.of("ANY", "*", "AGGREGATE_ALL");

    private JobRules() {
    }

    static boolean withinWindow(Instant created, Instant now) {
        return !created.isBefore(now.minus(LISTING_WINDOW));
    }

    /**
     * AWS's time-range filters (createdAfter/createdBefore, completeAfter/completeBefore): each bound optional
     * and exclusive; a time not yet set (a job not completed) matches no bound.
     */
    static boolean between(Instant t, Instant after, Instant before) {
        return (after == null || t != null && t.isAfter(after)) && (before == null || t != null && t.isBefore(before));
    }

    /**
     * The MessageCategory of a job: SUCCESS for a COMPLETED job without a message; otherwise the category
     * its message names (AccessDenied for missing permissions, InvalidParameters, ResourceNotFound) or
     * Others.
     */
    static String messageCategory(String state, String statusMessage) {
        if (statusMessage == null || statusMessage.isBlank()) {
            return "COMPLETED".equals(state) ? "SUCCESS" : null;
        }
        String m = statusMessage.toLowerCase(Locale.ROOT);
        if (m.contains("privilege") || m.contains("access denied") || m.contains("not authorized")
                || m.contains("permission")) {
            return "AccessDenied";
        }
        if (m.contains("invalid") || m.contains("parameter")) {
            return "InvalidParameters";
        }
        if (m.contains("not found") || m.contains("does not exist")) {
            return "ResourceNotFound";
        }
        return "Others";
    }

    static boolean categoryMatches(String filter, String category) {
        return filter == null || ALL_CATEGORIES.contains(filter) || filter.equalsIgnoreCase(category);
    }

    /** ByAccountId: the caller's own account, or * (which for a non-organization caller is the same). */
    static boolean accountMatches(String filter, String account) {
        return filter == null || filter.equals("*") || filter.equals(account);
    }

    /** Refuses a ByAccountId that is neither an account id nor (where allowed) *. */
    static String accountFilter(BackupCall call, boolean wildcardAllowed) {
        String v = call.query("accountId");
        if (v != null && !(wildcardAllowed && v.equals("*")) && !BackupCall.ACCOUNT_ID.matcher(v).matches()) {
            throw BackupErrors.invalidParameter("accountId", "accountId '" + v + "' is not a 12-digit account id");
        }
        return v;
    }
}
