package io.backupsentinel.sandbox.dynamodb;

import io.backupsentinel.sandbox.state.Table;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link TableDetails} of tables this handler created or restored, by table ARN. Kept beside the world
 * rather than in {@code state.Table} so that the shared record (built by scenario files) stays as it is;
 * a table without an entry gets the defaults (hash key of type S, on-demand billing).
 */
final class TableDetailsStore {
    private final Map<String, TableDetails> byArn = new ConcurrentHashMap<>();

    TableDetails of(Table t) {
        TableDetails d = byArn.get(t.arn());
        return d != null ? d : TableDetails.defaults(t.hashKey());
    }

    void put(String tableArn, TableDetails d) {
        byArn.put(tableArn, d);
    }

    void remove(String tableArn) {
        byArn.remove(tableArn);
    }
}
