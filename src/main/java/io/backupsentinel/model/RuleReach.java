package io.backupsentinel.model;

/**
 * How many tables one rule judged in an audit. A rule that reached none while it may not ({@code allowEmpty}
 * false) fails the audit: a scope that matches nothing, such as a typo in a tag value, must never read as
 * compliance.
 *
 * @param rule       the rule's name
 * @param tables     the tables in its scope that were judged (targets that could not be listed count none)
 * @param allowEmpty whether the rule says it may reach no table ({@code allow_empty: true})
 */
public record RuleReach(String rule, int tables, boolean allowEmpty) {

    /** True when the rule judged no table and did not say that it may. */
    public boolean emptyWithoutLeave() {
        return tables == 0 && !allowEmpty;
    }
}
