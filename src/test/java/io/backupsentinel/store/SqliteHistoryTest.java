package io.backupsentinel.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The history contract on the embedded SQLite file. */
class SqliteHistoryTest extends HistoryContract {
    @TempDir
    Path dataDir;

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.sqlite(dataDir);
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(StoreSettings.SQLITE_FILE));
    }
}
