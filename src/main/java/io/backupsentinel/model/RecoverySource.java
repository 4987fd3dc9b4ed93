package io.backupsentinel.model;

/** Where a restorable point of a table comes from. {@link #label()} is the metric label and rule value. */
public enum RecoverySource {
    PITR("pitr"), ON_DEMAND("on_demand"), AWS_BACKUP("aws_backup"), EXPORT("export");

    private final String label;

    RecoverySource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static RecoverySource fromLabel(String label) {
        for (RecoverySource s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown recovery source '" + label + "'");
    }
}
