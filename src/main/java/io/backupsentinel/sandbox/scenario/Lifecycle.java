package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;

/** A recovery point lifecycle: {@code {delete_after: 35d, cold_after: 7d}}; null parts mean never. */
record Lifecycle(Long deleteAfterDays, Long coldAfterDays) {
    static final Lifecycle NONE = new Lifecycle(null, null);

    static Lifecycle read(YNode node) {
        if (node == null) {
            return NONE;
        }
        YMap m = node.map();
        Long delete = ScenarioValues.days(m, "delete_after", null, 1, 36_500);
        Long cold = ScenarioValues.days(m, "cold_after", null, 1, 36_500);
        // AWS requires 90 days in cold storage before deletion.
        if (delete != null && cold != null && delete < cold + 90) {
            m.get("delete_after").error("must be at least 90 days after cold_after (" + cold + "d + 90d), got "
                    + delete + "d");
        }
        m.finish();
        return new Lifecycle(delete, cold);
    }
}
