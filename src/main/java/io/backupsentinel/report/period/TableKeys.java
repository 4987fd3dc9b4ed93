package io.backupsentinel.report.period;

import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.TableRef;

import java.util.Comparator;

/** Keys and orders for a report's rows: by rule, then account, region and table name. */
final class TableKeys {
    /**
     * Rule, account, region, table; written out rather than composed, since a report sorts a hundred thousand keys.
     * Keys read from the history share one instance of each rule, account and region name, so those are compared
     * by reference first.
     */
    static final Comparator<FindingKey> KEY_ORDER = (a, b) -> {
        int c = compare(a.rule(), b.rule());
        if (c == 0) {
            c = compare(a.account(), b.account());
        }
        if (c == 0) {
            c = compare(a.region(), b.region());
        }
        return c != 0 ? c : a.table().compareTo(b.table());
    };
    static final Comparator<StorageEntry> STORAGE_ORDER = Comparator.comparing(StorageEntry::account)
            .thenComparing(StorageEntry::region).thenComparing(StorageEntry::table);

    private TableKeys() {
    }

    private static int compare(String a, String b) {
        return a == b ? 0 : a.compareTo(b);
    }

    static String of(TableRef t) {
        return of(t.account(), t.region(), t.name());
    }

    /** A map key for one table; the separator cannot occur in an account id or a region. */
    static String of(String account, String region, String table) {
        return account + "\u0000" + region + "\u0000" + table;
    }
}
