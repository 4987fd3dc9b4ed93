package io.backupsentinel.aws;

import io.backupsentinel.inventory.BackupInventory;
import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.inventory.RequestKind;
import io.backupsentinel.model.Target;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link BackupInventory} over AWS with the SDK v2. Targets are the caller's own account (STS
 * GetCallerIdentity) and each configured role's account, times the configured regions. {@link #collect}
 * is thread-safe and meant to be called for many targets at once: rate limits are per account-region and
 * per operation, and per-table calls of all targets share one pool of {@code max_concurrency} threads.
 * Close it to release threads and connections.
 */
public final class AwsCollector implements BackupInventory, AutoCloseable {
    private final AwsSettings settings;
    private final AwsRequestListener listener;
    private final Clock clock;
    private final List<String> regions;
    private final SdkClients clients;
    private final Workers workers;
    /** One STS client per region, made when first needed; the first region whose STS answers is used. */
    private final Map<String, StsClient> stsByRegion = new ConcurrentHashMap<>();
    private volatile StsClient sts;
    private final Map<String, AwsCredentialsProvider> roleCredentials = new ConcurrentHashMap<>();
    private final Map<Target, TargetSession> sessions = new ConcurrentHashMap<>();
    /** STS attempts (GetCallerIdentity, AssumeRole) of every region; each goes into one snapshot's counts. */
    private final RequestCounts stsCounts;
    private volatile String callerAccount;
    /** Why the last GetCallerIdentity failed, until it next succeeds: the unknown account's targets say this. */
    private volatile String identityFailure;

    public AwsCollector(AwsSettings settings) {
        this(settings, AwsRequestListener.NONE, Clock.systemUTC());
    }

    /**
     * @param listener hears about every request (see {@link AwsRequestListener})
     * @param clock    sets "now" for the request's lookback
     * @throws IllegalStateException when no region is configured and the SDK has no default region
     */
    public AwsCollector(AwsSettings settings, AwsRequestListener listener, Clock clock) {
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
        this.regions = settings.regions().isEmpty() ? List.of(defaultRegion()) : settings.regions();
        this.clients = new SdkClients(settings);
        this.workers = new Workers(settings.maxConcurrency());
        this.stsCounts = new RequestCounts(listener);
    }

    /** The regions this collector audits (the SDK's default region when none were configured). */
    public List<String> regions() {
        return regions;
    }

    @Override
    public List<Target> targets() {
        Set<Target> out = new LinkedHashSet<>();
        for (AwsSettings.Account account : settings.accounts()) {
            String id = account.self() ? callerAccount() : account.accountId();
            for (String region : regions) {
                out.add(new Target(id, region));
            }
        }
        return new ArrayList<>(out);
    }

    @Override
    public RegionSnapshot collect(Target target, CollectionRequest request) {
        TargetSession session;
        try {
            AwsCredentialsProvider credentials = credentialsFor(target);
            session = sessions.computeIfAbsent(target, t -> TargetSession.open(t, clients, credentials, listener,
                    workers, settings, clock));
        } catch (AccountFailure e) {
            Map<RequestKind, Long> made = stsCounts.unreported();
            return RegionSnapshot.failed(target, e.getMessage(), RequestCounts.byOperation(made), made);
        }
        return session.collect(request, stsCounts::unreported);
    }

    /**
     * The caller's account id; "unknown" (and a failing target) while GetCallerIdentity fails. A failure is
     * remembered, so the unknown account's targets report it instead of asking STS again: a second
     * GetCallerIdentity against an endpoint that does not answer would double the call timeout.
     */
    String callerAccount() {
        if (callerAccount == null) {
            try {
                callerIdentity();
            } catch (RuntimeException e) {
                identityFailure = Causes.of("GetCallerIdentity", e);
                return TargetSession.UNKNOWN_ACCOUNT;
            }
        }
        return callerAccount;
    }

    /**
     * Asks STS who the caller is, region by region until one answers: STS is regional, and one region's
     * outage must not make every account unknown. The region that answered serves AssumeRole too.
     */
    private synchronized void callerIdentity() {
        RuntimeException last = null;
        for (String region : regions) {
            StsClient client = stsByRegion.computeIfAbsent(region, r -> clients.sts(r, stsCounts));
            try {
                callerAccount = client.getCallerIdentity().account();
                sts = client;
                identityFailure = null;
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    private StsClient sts() {
        if (sts == null) {
            callerIdentity();
        }
        return sts;
    }

    private AwsCredentialsProvider credentialsFor(Target target) {
        if (TargetSession.UNKNOWN_ACCOUNT.equals(target.account())) {
            String known = identityFailure;
            if (known != null) {
                throw new AccountFailure(known);
            }
            try {
                callerIdentity();
                throw new AccountFailure("the caller's account is unknown; collect the targets again");
            } catch (RuntimeException e) {
                throw e instanceof AccountFailure a ? a : new AccountFailure(Causes.of("GetCallerIdentity", e));
            }
        }
        if (settings.accounts().stream().anyMatch(AwsSettings.Account::self)
                && target.account().equals(callerAccount())) {
            return clients.baseCredentials();
        }
        AwsSettings.Account role = settings.accounts().stream()
                .filter(a -> !a.self() && target.account().equals(a.accountId())).findFirst()
                .orElseThrow(() -> new AccountFailure("account " + target.account()
                        + " is not configured in aws.accounts"));
        AwsCredentialsProvider provider;
        try {
            provider = roleCredentials.computeIfAbsent(role.roleArn(), arn -> assumeRole(role));
            // Resolving here (cached until near expiry) makes a denied role fail its targets with a clear cause.
            provider.resolveCredentials();
        } catch (RuntimeException e) {
            String code = Causes.errorCode(e);
            String cause = Causes.of("AssumeRole " + role.roleArn(), e);
            throw new AccountFailure(code != null && code.startsWith("AccessDenied")
                    ? cause.replaceFirst(": ", " denied: ") : cause);
        }
        return provider;
    }

    private AwsCredentialsProvider assumeRole(AwsSettings.Account role) {
        String session = role.sessionName() != null ? role.sessionName() : settings.sessionName();
        // Refreshed in the background before expiry, so no table's call waits for (or times out on) STS.
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts())
                .asyncCredentialUpdateEnabled(true)
                .refreshRequest(r -> r.roleArn(role.roleArn()).roleSessionName(session).externalId(role.externalId()))
                .build();
    }

    private static String defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkClientException e) {
            throw new IllegalStateException("aws.regions is empty and the SDK finds no default region"
                    + " (set AWS_REGION or a region in the AWS profile, or list aws.regions)", e);
        }
    }

    @Override
    public void close() {
        sessions.values().forEach(TargetSession::close);
        roleCredentials.values().forEach(p -> {
            if (p instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // Closing a credentials cache cannot fail in a way worth reporting at shutdown.
                }
            }
        });
        stsByRegion.values().forEach(StsClient::close);
        workers.close();
        clients.close();
    }

    /** A whole account cannot be reached; its targets fail with this message. */
    private static final class AccountFailure extends RuntimeException {
        AccountFailure(String message) {
            super(message, null, false, false);
        }
    }
}
