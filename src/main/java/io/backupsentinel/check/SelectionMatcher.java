package io.backupsentinel.check;

import io.backupsentinel.model.BackupSelection;
import io.backupsentinel.model.BackupSelection.Condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether an AWS Backup selection assigns a resource to its plan, the way AWS Backup does, and
 * says how (by ARN, by tag, by condition) so that a finding can show compliance officers why a table is
 * covered. {@code ListProtectedResources} only knows a resource after its first backup, so coverage has to be
 * computed from the selections themselves.
 *
 * <p>What AWS documents, and what this class implements:
 * <ul>
 * <li>Resources and ListOfTags are additive (OR): "Resources and conditions are additive in that all
 * resources that match the pattern are selected. This shouldn't be confused with a logical AND ... The
 * matching patterns are logically put together using the OR operator" (AWS CLI reference,
 * {@code backup create-backup-selection}; the knowledge-center article "backup-assign-resources", example 2,
 * "Resources and ListOfTags are combined using the boolean value OR"). ListOfTags entries are OR-ed among
 * themselves ("you assign all resources that match AT LEAST ONE condition", API_BackupSelection).</li>
 * <li>Conditions are AND-ed, with each other and with Resources: "If you specify multiple conditions, the
 * resources must match all conditions (AND logic)" (API_BackupSelection); the knowledge-center article,
 * example 1, "Resources and Conditions are combined using the boolean value AND"; "Select all resources
 * tagged with backup:true" is written {@code Resources ["*"]} plus a StringEquals condition
 * (assigning-resources-json). Not documented is whether Conditions also narrow a ListOfTags match; we apply
 * them to the whole selection, reading Conditions as a filter (the console: "the specified resource types are
 * filtered first, then tags further filter those resources").</li>
 * <li>With neither Resources nor ListOfTags, the selection spans every resource: "Otherwise, Backup attempts
 * to select all supported and opted-in storage resources" (API_BackupSelection); Conditions still filter.</li>
 * <li>NotResources excludes, whatever else matched.</li>
 * <li>In Resources, "The wildcard * represents zero or more non-whitespace characters"
 * (assigning-resources-json), so it spans {@code :} and {@code /}; {@code *} alone is every resource.</li>
 * <li>Conditions are case sensitive (API_Conditions). StringLike and StringNotLike take {@code *} "anywhere in
 * the string" and, as in IAM, {@code ?} for one character. StringNotEquals and StringNotLike hold when the
 * tag is absent, as IAM's negated operators do.</li>
 * </ul>
 */
public final class SelectionMatcher {
    private static final String TAG_KEY_PREFIX = "aws:ResourceTag/";

    private SelectionMatcher() {
    }

    /**
     * How {@code selection} assigns the resource, e.g. "by ARN pattern arn:aws:dynamodb:*:*:table/* and
     * condition StringEquals backup-tier=silver"; empty when it does not.
     */
    public static Optional<String> match(BackupSelection selection, String arn, Map<String, String> tags) {
        for (String excluded : selection.notResources()) {
            if (arnMatches(excluded, arn)) {
                return Optional.empty();
            }
        }
        boolean namesResources = !selection.resources().isEmpty();
        boolean namesTags = !selection.listOfTags().isEmpty();
        String by;
        if (!namesResources && !namesTags) {
            by = "all resources (no Resources or ListOfTags)";
        } else {
            by = byArn(selection.resources(), arn);
            if (by == null) {
                by = byTag(selection.listOfTags(), tags);
            }
            if (by == null) {
                return Optional.empty();
            }
        }
        List<String> held = new ArrayList<>();
        for (Condition c : selection.conditions()) {
            if (!conditionHolds(c, tags)) {
                return Optional.empty();
            }
            held.add(c.type() + " " + tagKey(c.key()) + "=" + c.value());
        }
        if (held.isEmpty()) {
            return Optional.of(by);
        }
        return Optional.of(by + " and condition" + (held.size() > 1 ? "s " : " ") + String.join(", ", held));
    }

    /** How the first matching Resources pattern names the ARN; null when none does. */
    private static String byArn(List<String> resources, String arn) {
        for (String pattern : resources) {
            if (arnMatches(pattern, arn)) {
                return describeResource(pattern);
            }
        }
        return null;
    }

    /** The first ListOfTags entry the tags satisfy, described; null when none does. */
    private static String byTag(List<Condition> listOfTags, Map<String, String> tags) {
        for (Condition c : listOfTags) {
            if (listOfTagsHolds(c, tags)) {
                return "by tag " + tagKey(c.key()) + "=" + c.value();
            }
        }
        return null;
    }

    private static String describeResource(String pattern) {
        if (pattern.equals("*")) {
            return "by Resources * (every resource)";
        }
        return pattern.contains("*") ? "by ARN pattern " + pattern : "by ARN";
    }

    /** {@code *} is any run of non-whitespace characters (so it spans {@code :} and {@code /}); nothing else is special. */
    static boolean arnMatches(String pattern, String arn) {
        return Globs.match(pattern, arn, false, false);
    }

    private static boolean listOfTagsHolds(Condition c, Map<String, String> tags) {
        // ListOfTags only supports STRINGEQUALS (API_Condition); anything else assigns nothing.
        return "STRINGEQUALS".equals(c.type().toUpperCase(Locale.ROOT)) && c.value().equals(tags.get(tagKey(c.key())));
    }

    static boolean conditionHolds(Condition c, Map<String, String> tags) {
        String value = tags.get(tagKey(c.key()));
        return switch (c.type().toUpperCase(Locale.ROOT)) {
            case "STRINGEQUALS" -> c.value().equals(value);
            case "STRINGNOTEQUALS" -> !c.value().equals(value);
            case "STRINGLIKE" -> value != null && Globs.matches(c.value(), value);
            case "STRINGNOTLIKE" -> value == null || !Globs.matches(c.value(), value);
            // An operator we do not know: assume it does not hold rather than claim coverage we cannot prove.
            default -> false;
        };
    }

    /** ListOfTags keys are plain tag keys; Conditions keys are written aws:ResourceTag/KEY. Accept both. */
    private static String tagKey(String key) {
        return key.startsWith(TAG_KEY_PREFIX) ? key.substring(TAG_KEY_PREFIX.length()) : key;
    }
}
