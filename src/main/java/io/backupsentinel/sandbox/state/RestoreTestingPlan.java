package io.backupsentinel.sandbox.state;

import java.time.Instant;
import java.util.List;

/** A restore testing plan: its schedule and how it picks recovery points. */
public record RestoreTestingPlan(String name, String arn, Instant created, String scheduleExpression,
                                 String scheduleTimezone, Long startWindowHours, String algorithm,
                                 List<String> includeVaults, List<String> recoveryPointTypes,
                                 Long selectionWindowDays, Instant lastExecution) {
    public RestoreTestingPlan {
        includeVaults = List.copyOf(includeVaults);
        recoveryPointTypes = List.copyOf(recoveryPointTypes);
    }
}
