package io.backupsentinel.sandbox.state;

import java.time.Instant;
import java.util.List;

/**
 * A restore testing selection. Conditions are StringEquals / StringNotEquals on tags, written with keys
 * like aws:ResourceTag/env.
 */
public record RestoreTestingSelection(String planName, String name, Instant created, String protectedResourceType,
                                      List<String> protectedResourceArns, List<Plan.TagCondition> conditions,
                                      Long validationWindowHours, String iamRoleArn) {
    public RestoreTestingSelection {
        protectedResourceArns = List.copyOf(protectedResourceArns);
        conditions = List.copyOf(conditions);
    }
}
