package io.backupsentinel.check;

import io.backupsentinel.model.BackupSelection;
import io.backupsentinel.model.BackupSelection.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SelectionMatcherTest {
    private static final String ORDERS = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";
    private static final Map<String, String> PROD_GOLD = Map.of("env", "prod", "backup-tier", "gold");
    private static final Map<String, String> CATALOG = Map.of("env", "prod", "backup-tier", "silver", "copy", "none");
    private static final Map<String, String> SILVER = Map.of("env", "prod", "backup-tier", "silver");

    static Stream<Arguments> cases() {
        return Stream.of(
                // Resources: exact ARNs and AWS's '*' (any run of non-whitespace characters, ':' and '/' included)
                arguments("exact ARN", sel(List.of(ORDERS), List.of(), List.of(), List.of()), PROD_GOLD, true),
                arguments("another table's ARN", sel(List.of(ORDERS + "-archive"), List.of(), List.of(), List.of()), PROD_GOLD, false),
                arguments("Resources * is every resource", sel(List.of("*"), List.of(), List.of(), List.of()), PROD_GOLD, true),
                arguments("every table in every region", sel(List.of("arn:aws:dynamodb:*:*:table/*"), List.of(), List.of(), List.of()), PROD_GOLD, true),
                arguments("'*' spans ':' and '/'", sel(List.of("arn:aws:dynamodb:*"), List.of(), List.of(), List.of()), PROD_GOLD, true),
                arguments("prefix wildcard on the table name", sel(List.of("arn:aws:dynamodb:us-east-1:111111111111:table/ord*"), List.of(), List.of(), List.of()), PROD_GOLD, true),
                arguments("leading wildcard", sel(List.of("*:table/orders"), List.of(), List.of(), List.of()), PROD_GOLD, true),
                arguments("a prefix without '*' is not a match", sel(List.of("arn:aws:dynamodb:us-east-1:111111111111:table/ord"), List.of(), List.of(), List.of()), PROD_GOLD, false),
                arguments("wildcard for another region", sel(List.of("arn:aws:dynamodb:eu-west-1:*:table/*"), List.of(), List.of(), List.of()), PROD_GOLD, false),
                arguments("another service", sel(List.of("arn:aws:ec2:*:*:volume/*"), List.of(), List.of(), List.of()), PROD_GOLD, false),
                arguments("ARNs are case sensitive", sel(List.of("arn:aws:dynamodb:us-east-1:111111111111:table/Orders"), List.of(), List.of(), List.of()), PROD_GOLD, false),
                arguments("any of several Resources", sel(List.of("arn:aws:ec2:*:*:volume/*", ORDERS), List.of(), List.of(), List.of()), PROD_GOLD, true),
                // NotResources excludes whatever else matched
                arguments("NotResources names the table", sel(List.of("*"), List.of(ORDERS), List.of(), List.of()), PROD_GOLD, false),
                arguments("NotResources wildcard covers the table", sel(List.of("*"), List.of("arn:aws:dynamodb:*:*:table/ord*"), List.of(), List.of()), PROD_GOLD, false),
                arguments("NotResources names another table", sel(List.of("*"), List.of(ORDERS + "-archive"), List.of(), List.of()), PROD_GOLD, true),
                arguments("NotResources alone: everything else", sel(List.of(), List.of("arn:aws:ec2:*"), List.of(), List.of()), PROD_GOLD, true),
                arguments("NotResources beats a matching tag", sel(List.of(), List.of(ORDERS), List.of(tag("env", "prod")), List.of()), PROD_GOLD, false),
                // ListOfTags: OR-ed STRINGEQUALS, and OR-ed with Resources
                arguments("tag-only selection", sel(List.of(), List.of(), List.of(tag("env", "prod")), List.of()), PROD_GOLD, true),
                arguments("tag-only selection, other value", sel(List.of(), List.of(), List.of(tag("env", "dev")), List.of()), PROD_GOLD, false),
                arguments("any ListOfTags entry is enough", sel(List.of(), List.of(), List.of(tag("env", "dev"), tag("backup-tier", "gold")), List.of()), PROD_GOLD, true),
                arguments("tag values are case sensitive", sel(List.of(), List.of(), List.of(tag("env", "Prod")), List.of()), PROD_GOLD, false),
                arguments("ListOfTags key written aws:ResourceTag/KEY", sel(List.of(), List.of(), List.of(tag("aws:ResourceTag/env", "prod")), List.of()), PROD_GOLD, true),
                arguments("Resources OR ListOfTags: the tag selects", sel(List.of("arn:aws:ec2:*:*:volume/*"), List.of(), List.of(tag("env", "prod")), List.of()), PROD_GOLD, true),
                arguments("Resources OR ListOfTags: the ARN selects", sel(List.of(ORDERS), List.of(), List.of(tag("env", "dev")), List.of()), PROD_GOLD, true),
                arguments("Resources OR ListOfTags: neither", sel(List.of("arn:aws:ec2:*:*:volume/*"), List.of(), List.of(tag("env", "dev")), List.of()), PROD_GOLD, false),
                arguments("nocopy-plan selects catalog by ListOfTags", sel(List.of(), List.of(), List.of(tag("copy", "none")), List.of()), CATALOG, true),
                // Conditions: AND-ed with each other and with Resources
                arguments("condition-only selection spans all resources", sel(List.of(), List.of(), List.of(), List.of(cond("StringEquals", "backup-tier", "gold"))), PROD_GOLD, true),
                arguments("condition-only selection, other value", sel(List.of(), List.of(), List.of(), List.of(cond("StringEquals", "backup-tier", "silver"))), PROD_GOLD, false),
                arguments("silver-plan selects customers by condition", silverPlan(), SILVER, true),
                arguments("silver-plan's StringNotEquals copy=none drops catalog", silverPlan(), CATALOG, false),
                arguments("every condition must hold", sel(List.of("*"), List.of(), List.of(), List.of(cond("StringEquals", "env", "prod"), cond("StringEquals", "backup-tier", "silver"))), PROD_GOLD, false),
                arguments("Resources AND Conditions: the ARN alone is not enough", sel(List.of(ORDERS), List.of(), List.of(), List.of(cond("StringEquals", "env", "dev"))), PROD_GOLD, false),
                arguments("ListOfTags match is still filtered by Conditions", sel(List.of(), List.of(), List.of(tag("env", "prod")), List.of(cond("StringEquals", "backup-tier", "silver"))), PROD_GOLD, false),
                arguments("StringNotEquals with the same value", sel(List.of("*"), List.of(), List.of(), List.of(cond("StringNotEquals", "env", "prod"))), PROD_GOLD, false),
                arguments("StringNotEquals holds for an absent tag", sel(List.of("*"), List.of(), List.of(), List.of(cond("StringNotEquals", "copy", "none"))), PROD_GOLD, true),
                arguments("StringLike with '*'", sel(List.of("*"), List.of(), List.of(), List.of(cond("StringLike", "env", "pr*"))), PROD_GOLD, true),
                arguments("StringLike with '?'", sel(List.of("*"), List.of(), List.of(), List.of(cond("StringLike", "env", "p?od"))), PROD_GOLD, true),
                arguments("StringLike not matching", sel(List.of("*"), List.of(), List.of(), List.of(cond("StringLike", "env", "*dev*"))), PROD_GOLD, false),
                arguments("StringLike needs the tag to exist", sel(List.of("*"), List.of(), List.of(), List.of(cond("StringLike", "owner", "*"))), PROD_GOLD, false),
                arguments("StringNotLike not matching holds", sel(List.of("*"), List.of(), List.of(), List.of(cond("StringNotLike", "env", "dev*"))), PROD_GOLD, true),
                arguments("StringNotLike matching excludes", sel(List.of("*"), List.of(), List.of(), List.of(cond("StringNotLike", "env", "*rod"))), PROD_GOLD, false),
                arguments("StringNotLike holds for an absent tag", sel(List.of("*"), List.of(), List.of(), List.of(cond("StringNotLike", "owner", "*"))), PROD_GOLD, true),
                arguments("an unknown operator never claims coverage", sel(List.of("*"), List.of(), List.of(), List.of(cond("StringEqualsIgnoreCase", "env", "prod"))), PROD_GOLD, false),
                arguments("an empty selection selects everything", sel(List.of(), List.of(), List.of(), List.of()), PROD_GOLD, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void selection_assigns_the_table_as_aws_backup_does(String name, BackupSelection s, Map<String, String> tags,
                                                        boolean selected) {
        assertThat(SelectionMatcher.match(s, ORDERS, tags).isPresent()).as(name).isEqualTo(selected);
    }

    @Test
    void the_match_says_it_was_by_arn() {
        assertThat(SelectionMatcher.match(sel(List.of(ORDERS), List.of(), List.of(), List.of()), ORDERS, PROD_GOLD))
                .contains("by ARN");
    }

    @Test
    void the_match_names_the_tag_that_selected() {
        assertThat(SelectionMatcher.match(sel(List.of(), List.of(), List.of(tag("copy", "none")), List.of()), ORDERS, CATALOG))
                .contains("by tag copy=none");
    }

    @Test
    void the_match_names_the_pattern_and_the_conditions() {
        assertThat(SelectionMatcher.match(silverPlan(), ORDERS, SILVER)).hasValueSatisfying(how -> assertThat(how)
                .contains("by ARN pattern arn:aws:dynamodb:*:*:table/*")
                .contains("StringEquals backup-tier=silver")
                .contains("StringNotEquals copy=none"));
    }

    private static BackupSelection silverPlan() {
        return sel(List.of("arn:aws:dynamodb:*:*:table/*"), List.of(), List.of(),
                List.of(cond("StringEquals", "backup-tier", "silver"), cond("StringNotEquals", "copy", "none")));
    }

    private static BackupSelection sel(List<String> resources, List<String> notResources, List<Condition> listOfTags,
                                       List<Condition> conditions) {
        return new BackupSelection("sel-1", "selection", resources, notResources, listOfTags, conditions);
    }

    private static Condition tag(String key, String value) {
        return new Condition("STRINGEQUALS", key, value);
    }

    private static Condition cond(String type, String key, String value) {
        return new Condition(type, "aws:ResourceTag/" + key, value);
    }
}
