package io.backupsentinel.check;

import io.backupsentinel.model.CopyAction;
import io.backupsentinel.model.CopyJob;
import io.backupsentinel.model.Durations;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.PlanRule;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code copy}: a plan covering the table copies its backups to another region and/or account, and such a
 * copy recently COMPLETED, so a regional outage or a compromised account does not take every backup with it.
 */
public final class CopyCheck implements Check<CopyCheck.P> {
    /**
     * @param where    the destination in words, e.g. "another region (eu-west-1)", made once per binding
     * @param expected the findings' {@code expected}, made once per binding
     */
    public record P(boolean crossRegion, boolean crossAccount, List<String> destinationRegions, Duration maxAge,
                    String where, String expected) {
        public P(boolean crossRegion, boolean crossAccount, List<String> destinationRegions, Duration maxAge) {
            this(crossRegion, crossAccount, destinationRegions, maxAge,
                    CopyCheck.where(crossRegion, crossAccount, destinationRegions));
        }

        private P(boolean crossRegion, boolean crossAccount, List<String> destinationRegions, Duration maxAge,
                  String where) {
            this(crossRegion, crossAccount, destinationRegions, maxAge, where,
                    "copy to " + where + " completed ≤ " + Durations.format(maxAge) + " ago");
        }
    }

    private static final CheckSpec SPEC = new CheckSpec("copy",
            "Judges off-site copies of AWS Backup recovery points. A rule of a plan that selects the table (AWS's "
                    + "selection semantics, as for backup_plan) must have a copy action whose destination vault is in "
                    + "another region (cross_region) and/or another account (cross_account), within "
                    + "destination_regions if given; and a copy job of the table to such a destination must have "
                    + "COMPLETED within max_age. COMPLIANT when both hold; NON_COMPLIANT when no covering plan "
                    + "copies the table to such a destination, or the newest qualifying copy job is too old or did "
                    + "not complete (its state and message are given); UNKNOWN when plans, tags or copy jobs could "
                    + "not be read.",
            List.of(ParamSpec.optional("cross_region", ParamType.BOOLEAN, true,
                            "The copy must land in a region other than the table's."),
                    ParamSpec.optional("cross_account", ParamType.BOOLEAN, false,
                            "The copy must land in an account other than the table's."),
                    ParamSpec.optional("destination_regions", ParamType.STRING_LIST, null,
                            "Regions the copy may land in, e.g. [eu-west-1]; default any."),
                    ParamSpec.optional("max_age", ParamType.DURATION, "2d",
                            "Oldest acceptable completion time of the newest qualifying copy job.")),
            IamActions.of(IamActions.PLANS, IamActions.COPY_JOBS, IamActions.TAGS),
            Set.of(FactKind.PLANS, FactKind.COPY_JOBS),
            """
            - name: dr-copy
              description: Gold tables are copied to the DR region at least every two days.
              check: copy
              severity: high
              scope:
                tags: {backup-tier: gold}
              params: {cross_region: true, destination_regions: [eu-west-1], max_age: 2d}
            """);

    @Override
    public CheckSpec spec() {
        return SPEC;
    }

    @Override
    public P bind(Params params) {
        boolean region = ParamValues.bool(params, "cross_region", true);
        boolean account = ParamValues.bool(params, "cross_account", false);
        if (!region && !account) {
            throw new IllegalArgumentException("cross_region and cross_account are both false: a copy to the same "
                    + "region and account protects against nothing; set one of them to true");
        }
        return new P(region, account, ParamValues.list(params, "destination_regions", List.of()),
                ParamValues.duration(params, "max_age", Duration.ofDays(2)));
    }

    /** Copy jobs back to max_age (only a copy that recent counts); plans are current state. */
    @Override
    public Map<FactKind, Duration> lookbacks(P p) {
        return Lookbacks.of(SPEC.facts(), Map.of(FactKind.PLANS, Duration.ZERO, FactKind.COPY_JOBS, p.maxAge()));
    }

    @Override
    public Outcome evaluate(TableFacts facts, P p, Instant now) {
        TableRef t = facts.table();
        String where = p.where();
        String expected = p.expected();
        if (!facts.plans().known()) {
            return Outcome.unknown(expected, "Backup plans unknown: " + facts.plans().cause());
        }
        if (facts.tags() == null) {
            return Outcome.unknown(expected, "Table tags unknown, so tag-based selections cannot be matched");
        }
        List<String> qualifying = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (Coverage c : Coverage.of(facts.plans().value(), t, facts.tags())) {
            for (PlanRule rule : c.plan().rules()) {
                for (CopyAction a : rule.copyActions()) {
                    String text = c.plan().name() + "/" + rule.name() + " → " + a.destinationVaultArn();
                    (qualifies(a.destinationRegion(), a.destinationAccount(), t, p) ? qualifying : other).add(text);
                }
            }
        }
        if (qualifying.isEmpty()) {
            return Outcome.nonCompliant(other.isEmpty() ? "no copy action" : "copies only to " + String.join(", ", other),
                    expected, "No plan copies this table to " + where + ". Add a copy action to a rule of a plan "
                            + "that covers it: CopyActions [{\"DestinationBackupVaultArn\": \"arn:aws:backup:REGION:"
                            + "ACCOUNT:backup-vault:NAME\"}] (aws backup update-backup-plan).");
        }
        if (!facts.copyJobs().known()) {
            return Outcome.partlyUnknown("copy action " + String.join(", ", qualifying), expected,
                    "Copy jobs unknown: " + facts.copyJobs().cause());
        }
        List<CopyJob> jobs = facts.copyJobs().value().stream()
                .filter(j -> t.arn().equals(j.resourceArn()))
                .filter(j -> qualifies(j.destinationRegion(), j.destinationAccount(), t, p))
                .toList();
        Optional<CopyJob> done = jobs.stream().filter(j -> "COMPLETED".equals(j.state()) && j.completed() != null)
                .max(Comparator.comparing(CopyJob::completed));
        String actions = "copy action " + String.join(", ", qualifying);
        if (done.isPresent() && Ages.within(done.get().completed(), now, p.maxAge())) {
            CopyJob j = done.get();
            return Outcome.compliant(actions + "; newest copy COMPLETED " + Ages.ago(j.completed(), now) + " to "
                    + j.destinationVaultArn(), expected, "Off-site copy is current.");
        }
        Optional<CopyJob> newest = jobs.stream().max(Comparator.comparing(j -> j.created() == null ? Instant.MIN : j.created()));
        String observed = actions + "; " + newest.map(j -> "newest copy job " + j.id() + " " + j.state()
                + (j.created() == null ? "" : " created " + Ages.ago(j.created(), now))).orElse("no copy job to " + where);
        String lastDone = done.map(j -> " The last completed copy was " + Ages.ago(j.completed(), now) + ".").orElse("");
        String jobText = newest.map(j -> " Newest copy job " + j.id() + " is " + j.state()
                + (j.statusMessage() == null || j.statusMessage().isBlank() ? "" : ": " + j.statusMessage()) + ".")
                .orElse(" No copy job of this table to " + where + " is listed.");
        return Outcome.nonCompliant(observed, expected, "No copy to " + where + " completed in the last "
                + Durations.format(p.maxAge()) + "." + jobText + lastDone + " Check the destination vault's access "
                + "policy and KMS key grants, and the plan's copy action.");
    }

    private static boolean qualifies(String region, String account, TableRef t, P p) {
        return region != null && account != null
                && (!p.crossRegion() || !region.equals(t.region()))
                && (!p.crossAccount() || !account.equals(t.account()))
                && (p.destinationRegions().isEmpty() || p.destinationRegions().contains(region));
    }

    private static String where(boolean crossRegion, boolean crossAccount, List<String> destinationRegions) {
        return (crossRegion ? "another region" : "")
                + (crossRegion && crossAccount ? " and " : "") + (crossAccount ? "another account" : "")
                + (destinationRegions.isEmpty() ? "" : " (" + String.join(", ", destinationRegions) + ")");
    }
}
