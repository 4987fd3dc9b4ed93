package io.backupsentinel.sandbox.state;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The resources of one account in one region. Sorted maps keep AWS's listing orders (ListTables is sorted
 * by name) and make paging by "start after this key" cheap.
 */
public final class Region {
    private final String account;
    private final String name;
    private final NavigableMap<String, Table> tables = new ConcurrentSkipListMap<>();
    /** DynamoDB backups by ARN. */
    private final NavigableMap<String, DdbBackup> backups = new ConcurrentSkipListMap<>();
    /** DynamoDB exports by ARN. */
    private final NavigableMap<String, Export> exports = new ConcurrentSkipListMap<>();
    private final NavigableMap<String, Vault> vaults = new ConcurrentSkipListMap<>();
    /** Backup plans by id. */
    private final NavigableMap<String, Plan> plans = new ConcurrentSkipListMap<>();
    /** AWS Backup recovery points by ARN, also indexed per vault and per resource in listing order. */
    private final RecoveryPointIndex recoveryPoints = new RecoveryPointIndex();
    private final List<BackupJob> backupJobs = new CopyOnWriteArrayList<>();
    private final List<CopyJob> copyJobs = new CopyOnWriteArrayList<>();
    private final Map<String, RestoreJob> restoreJobs = new ConcurrentHashMap<>();
    private final NavigableMap<String, RestoreTestingPlan> restoreTestingPlans = new ConcurrentSkipListMap<>();
    /** Restore testing selections by "planName/selectionName". */
    private final NavigableMap<String, RestoreTestingSelection> restoreTestingSelections = new ConcurrentSkipListMap<>();

    public Region(String account, String name) {
        this.account = account;
        this.name = name;
    }

    public String account() {
        return account;
    }

    public String name() {
        return name;
    }

    public NavigableMap<String, Table> tables() {
        return tables;
    }

    public NavigableMap<String, DdbBackup> backups() {
        return backups;
    }

    public NavigableMap<String, Export> exports() {
        return exports;
    }

    public NavigableMap<String, Vault> vaults() {
        return vaults;
    }

    public NavigableMap<String, Plan> plans() {
        return plans;
    }

    public RecoveryPointIndex recoveryPoints() {
        return recoveryPoints;
    }

    public List<BackupJob> backupJobs() {
        return backupJobs;
    }

    public List<CopyJob> copyJobs() {
        return copyJobs;
    }

    public Map<String, RestoreJob> restoreJobs() {
        return restoreJobs;
    }

    public NavigableMap<String, RestoreTestingPlan> restoreTestingPlans() {
        return restoreTestingPlans;
    }

    public NavigableMap<String, RestoreTestingSelection> restoreTestingSelections() {
        return restoreTestingSelections;
    }

    public String tableArn(String table) {
        return "arn:aws:dynamodb:" + name + ":" + account + ":table/" + table;
    }

    public String vaultArn(String vault) {
        return "arn:aws:backup:" + name + ":" + account + ":backup-vault:" + vault;
    }
}
