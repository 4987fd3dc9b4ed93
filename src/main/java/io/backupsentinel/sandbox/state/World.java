package io.backupsentinel.sandbox.state;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every account of the sandbox, the access keys that route requests to them, and the virtual clock. */
public final class World {
    private final VirtualClock clock;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    /** access key id → account id; keys not listed here go to {@link #defaultAccount()}. */
    private final Map<String, String> accessKeys = new ConcurrentHashMap<>();
    private volatile String defaultAccount;

    public World(VirtualClock clock) {
        this.clock = clock;
    }

    public VirtualClock clock() {
        return clock;
    }

    public Map<String, Account> accounts() {
        return accounts;
    }

    public Map<String, String> accessKeys() {
        return accessKeys;
    }

    public Account account(String id) {
        return accounts.computeIfAbsent(id, Account::new);
    }

    public Optional<Account> findAccount(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public String defaultAccount() {
        return defaultAccount;
    }

    public void setDefaultAccount(String id) {
        this.defaultAccount = id;
    }

    /** The account a request signed with this access key acts in. */
    public String accountForAccessKey(String accessKeyId) {
        String id = accessKeyId == null ? null : accessKeys.get(accessKeyId);
        return id != null ? id : defaultAccount;
    }
}
