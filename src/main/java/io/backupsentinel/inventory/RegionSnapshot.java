package io.backupsentinel.inventory;

import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Target;

import java.util.List;
import java.util.Map;

/**
 * The facts of every in-scope table of one account-region. {@code failure} is null when the tables could
 * be listed, otherwise the cause (e.g. AccessDenied on AssumeRole, the region unreachable) and
 * {@code tables} is empty. {@code requests} counts the AWS calls made, by operation.
 */
public record RegionSnapshot(Target target, List<TableFacts> tables, String failure, Map<String, Long> requests) {
    public RegionSnapshot {
        tables = List.copyOf(tables);
        requests = Map.copyOf(requests);
    }

    public static RegionSnapshot failed(Target target, String cause, Map<String, Long> requests) {
        return new RegionSnapshot(target, List.of(), cause, requests);
    }
}
