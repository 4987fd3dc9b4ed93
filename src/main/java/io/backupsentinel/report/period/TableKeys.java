package io.backupsentinel.report.period;

import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.TableRef;

import java.util.Comparator;

/** Keys and orders for a report's rows: by rule, then account, region and table name. */
final class TableKeys {
    /** Rule, account, region, table; written out rather than composed, since a report sorts a hundred thousand keys. */
    static final Comparator<FindingKey> KEY_ORDER = (a, b) -> {
        int c = a.rule().compareTo(b.rule());
        if (c == 0) {
            c = a.account().compareTo(b.account());
        }
        if (c == 0) {
            c = a.region().compareTo(b.region());
        }
        return c != 0 ? c : a.table().compareTo(b.table());
    };
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
