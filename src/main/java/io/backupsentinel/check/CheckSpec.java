package io.backupsentinel.check;

import io.backupsentinel.model.FactKind;

import java.util.List;
import java.util.Set;

/**
 * Everything a user needs to know about a check, registered with it: the {@code check:} name used in rule
 * files, a one-paragraph description, its parameters, the IAM actions it needs, the facts it reads and a
 * YAML example of a rule that uses it. {@code iam-policy}, the JSON Schema and the README's rule reference
 * are generated from these.
 */
public record CheckSpec(String name, String description, List<ParamSpec> params, List<String> iamActions,
                        Set<FactKind> facts, String example) {
    public CheckSpec {
        params = List.copyOf(params);
        iamActions = List.copyOf(iamActions);
        facts = Set.copyOf(facts);
    }
}
