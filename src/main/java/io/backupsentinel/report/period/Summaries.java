package io.backupsentinel.report.period;

import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rule and framework summaries. Every (rule, table) pair counts for the whole period, so compliant share
 * is compliant time over pairs × period: time not observed or UNKNOWN lowers it. The times are sums of the
 * pairs' whole seconds, those of the {@code times} rows, so a summary is exactly the sum of its rows. A rule in
 * scope that judged no table is listed with no share (null).
 */
record Summaries(List<RuleSummary> rules, List<FrameworkSummary> frameworks) {
    /** Sums for a group of (rule, table) pairs. */
    private static final class Sum {
        final Set<String> tables = new HashSet<>();
        int pairs;
        long compliant;
        long nonCompliant;
        long unknown;
        int violations;

        void add(PairTrack t) {
            tables.add(t.tableKey());
            pairs++;
            compliant += t.seconds(Status.COMPLIANT);
            nonCompliant += t.seconds(Status.NON_COMPLIANT);
            unknown += t.seconds(Status.UNKNOWN);
            violations += t.violations().size();
        }

        BigDecimal percent(long period) {
            return Shares.percent(compliant, period * pairs);
        }
    }

    static Summaries of(List<PairTrack> tracks, Map<String, RuleInfo> infos, ReportScope scope,
                        Instant from, Instant to) {
        long period = Duration.between(from, to).getSeconds();
        Map<String, Sum> byRule = new TreeMap<>();
        Map<String, PairTrack> sample = new TreeMap<>();
        for (PairTrack t : tracks) {
            byRule.computeIfAbsent(t.key().rule(), r -> new Sum()).add(t);
            sample.putIfAbsent(t.key().rule(), t);
        }
        for (RuleInfo i : infos.values()) {
            if (scope.matchesRule(i)) {
                byRule.computeIfAbsent(i.name(), r -> new Sum());
            }
        }
        List<RuleSummary> rules = new ArrayList<>();
        Map<String, Sum> byFramework = new TreeMap<>();
        Map<String, Set<String>> frameworkRules = new TreeMap<>();
        for (Map.Entry<String, Sum> e : byRule.entrySet()) {
            String name = e.getKey();
            Sum s = e.getValue();
            RuleInfo info = infos.get(name);
            PairTrack t = sample.get(name);
            String check = info != null ? info.check() : t.check();
            Severity severity = info != null ? info.severity() : t.severity();
            List<String> frameworks = info != null ? info.frameworks() : List.of();
            rules.add(new RuleSummary(name, check, severity, frameworks, info != null ? info.description() : "",
                    s.tables.size(), s.percent(period), s.nonCompliant, s.unknown, s.violations));
            for (String f : frameworks) {
                if (scope.frameworks().isEmpty() || scope.frameworks().contains(f)) {
                    frameworkRules.computeIfAbsent(f, x -> new TreeSet<>()).add(name);
                    byFramework.computeIfAbsent(f, x -> new Sum());
                }
            }
        }
        for (PairTrack t : tracks) {
            RuleInfo info = infos.get(t.key().rule());
            if (info != null) {
                for (String f : info.frameworks()) {
                    Sum s = byFramework.get(f);
                    if (s != null) {
                        s.add(t);
                    }
                }
            }
        }
        List<FrameworkSummary> frameworks = new ArrayList<>();
        byFramework.forEach((f, s) -> frameworks.add(new FrameworkSummary(f, List.copyOf(frameworkRules.get(f)),
                s.tables.size(), s.percent(period), s.nonCompliant, s.unknown, s.violations)));
        return new Summaries(rules, frameworks);
    }
}
