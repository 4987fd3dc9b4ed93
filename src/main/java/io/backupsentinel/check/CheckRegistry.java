package io.backupsentinel.check;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every check the product has, by its {@code check:} name. Only implemented checks are registered; the
 * rule loader, {@code iam-policy}, the JSON Schema and the README's rule reference all read this list.
 */
public final class CheckRegistry {
    private final Map<String, Check<?>> checks = new LinkedHashMap<>();

    public CheckRegistry(List<Check<?>> checks) {
        for (Check<?> c : checks) {
            if (this.checks.putIfAbsent(c.spec().name(), c) != null) {
                throw new IllegalArgumentException("two checks are named " + c.spec().name());
            }
        }
    }

    /** The product's checks. */
    public static CheckRegistry standard() {
        return new CheckRegistry(List.of(new PitrCheck(), new RpoCheck(), new RetentionCheck(), new BackupPlanCheck(),
                new CopyCheck(), new VaultCheck(), new ExportCheck(), new RestoreTestCheck(), new BackupJobsCheck()));
    }

    public Optional<Check<?>> find(String name) {
        return Optional.ofNullable(checks.get(name));
    }

    public Collection<Check<?>> all() {
        return checks.values();
    }
}
