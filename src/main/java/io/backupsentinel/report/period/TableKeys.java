package io.backupsentinel.report.period;

import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.TableRef;

import java.util.Comparator;

/** Keys and orders for a report's rows: by rule, then account, region and table name. */
final class TableKeys {
    static final Comparator<FindingKey> KEY_ORDER = Comparator.comparing(FindingKey::rule)
            .thenComparing(FindingKey::account).thenComparing(FindingKey::region).thenComparing(FindingKey::table);
    static final Comparator<StorageEntry> STORAGE_ORDER = Comparator.comparing(StorageEntry::account)
            .thenComparing(StorageEntry::region).thenComparing(StorageEntry::table);

    private TableKeys() {
    }

    static String of(TableRef t) {
        return of(t.account(), t.region(), t.name());
    }

    /** A map key for one table; the separator cannot occur in an account id or a region. */
    static String of(String account, String region, String table) {
        return account + "\u0000" + region + "\u0000" + table;
    }
}
