package io.backupsentinel.engine;

import io.backupsentinel.check.Coverage;
import io.backupsentinel.check.RecoveryPoints;
import io.backupsentinel.check.RestoreJobs;
import io.backupsentinel.model.CopyAction;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.PlanRule;
import io.backupsentinel.model.RecoverySource;
import io.backupsentinel.model.RestoreJob;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.rule.RuleSet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Works out a {@link TableDetail} from a table's merged facts, the rules and its current findings. */
final class TableDetails {
    private TableDetails() {
    }

    static TableDetail of(TableRef ref, TableFacts facts, List<Finding> findings, RuleSet rules) {
        if (facts == null) {
            return new TableDetail(ref, Map.of(), null, findings, List.of(), null, List.of(),
                    "not collected since the daemon started", List.of(), "not collected since the daemon started", null);
        }
        return new TableDetail(facts.table(), facts.tags(), facts, findings, sources(facts),
                RuleTargets.rpo(rules, facts).orElse(null), schedule(facts),
                facts.plans().known() ? null : facts.plans().cause(), restores(facts),
                facts.restoreJobs().known() ? null : facts.restoreJobs().cause(),
                RuleTargets.rto(rules, facts).orElse(null));
    }

    private static List<TableDetail.SourceAge> sources(TableFacts facts) {
        Map<RecoverySource, RecoveryPoints.Newest> newest =
                RecoveryPoints.newestPerSource(facts, List.of(RecoverySource.values()), List.of());
        List<TableDetail.SourceAge> out = new ArrayList<>();
        newest.values().forEach(n -> out.add(new TableDetail.SourceAge(n.source().label(), n.at(), n.where(), n.cause())));
        RecoveryPoints.Newest youngest = RecoveryPoints.youngest(newest.values()).orElse(null);
        out.add(youngest == null
                ? new TableDetail.SourceAge("effective", null, null,
                        newest.values().stream().allMatch(RecoveryPoints.Newest::known) ? null : "some sources are unknown")
                : new TableDetail.SourceAge("effective", youngest.at(), youngest.source().label(), null));
        return out;
    }

    private static List<TableDetail.ScheduleEntry> schedule(TableFacts facts) {
        if (!facts.plans().known()) {
            return List.of();
        }
        List<TableDetail.ScheduleEntry> out = new ArrayList<>();
        for (Coverage c : Coverage.of(facts.plans().value(), facts.table(), facts.tags())) {
            for (PlanRule r : c.plan().rules()) {
                List<String> copies = new ArrayList<>();
                for (CopyAction a : r.copyActions()) {
                    copies.add(a.destinationVaultArn()
                            + (a.deleteAfterDays() == null ? "" : " (kept " + a.deleteAfterDays() + "d)"));
                }
                out.add(new TableDetail.ScheduleEntry(c.plan().name(), c.selection().name(), c.how(), r.name(),
                        r.scheduleExpression(), r.scheduleTimezone(), r.continuousBackup(), r.targetVaultName(),
                        r.deleteAfterDays(), r.moveToColdStorageAfterDays(), copies));
            }
        }
        return out;
    }

    private static List<TableDetail.RestoreTest> restores(TableFacts facts) {
        if (!facts.restoreJobs().known()) {
            return List.of();
        }
        List<TableDetail.RestoreTest> out = new ArrayList<>();
        for (RestoreJob j : RestoreJobs.of(facts).jobs()) {
            Duration took = j.created() == null || j.completed() == null ? null : Duration.between(j.created(), j.completed());
            String message = j.validationStatusMessage() != null ? j.validationStatusMessage() : j.statusMessage();
            out.add(new TableDetail.RestoreTest(j.id(), j.created(), j.completed(), took, j.status(),
                    j.validationStatus(), message, j.restoreTestingPlanArn() != null));
        }
        out.sort(Comparator.comparing(TableDetail.RestoreTest::started,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }
}
