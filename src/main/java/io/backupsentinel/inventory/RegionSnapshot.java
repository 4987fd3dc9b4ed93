package io.backupsentinel.inventory;

import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Target;

import java.util.List;
import java.util.Map;

/**
 * The facts of every in-scope table of one account-region. {@code failure} is null when the tables could
 * be listed, otherwise the cause (e.g. AccessDenied on AssumeRole, the region unreachable) and
 * {@code tables} is empty. {@code requests} counts the AWS request attempts made, by operation (every attempt,
 * failed and throttled ones included); {@code attempts} counts the same attempts by service, operation and
 * outcome, for {@code backup_sentinel_aws_requests_total}.
 */
public record RegionSnapshot(Target target, List<TableFacts> tables, String failure, Map<String, Long> requests,
                             Map<RequestKind, Long> attempts) {
    public RegionSnapshot {
        tables = List.copyOf(tables);
        requests = Map.copyOf(requests);
        attempts = Map.copyOf(attempts);
    }

    /** A snapshot whose source counts requests by operation only. */
    public RegionSnapshot(Target target, List<TableFacts> tables, String failure, Map<String, Long> requests) {
        this(target, tables, failure, requests, Map.of());
    }

    /** The snapshot of a target that failed as a whole, with the attempts made for it. */
    public static RegionSnapshot failed(Target target, String cause, Map<String, Long> requests,
                                        Map<RequestKind, Long> attempts) {
        return new RegionSnapshot(target, List.of(), cause, requests, attempts);
    }

    public static RegionSnapshot failed(Target target, String cause, Map<String, Long> requests) {
        return new RegionSnapshot(target, List.of(), cause, requests);
    }
}
