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
 * is compliant time over pairs × period: time not observed or UNKNOWN lowers it. A rule in scope that judged
 * no table is listed with no share (null).
 */
record Summaries(List<RuleSummary> rules, List<FrameworkSummary> frameworks) {
    /**
     * A sum of durations in nanoseconds, kept as whole seconds and a remainder: a fleet's time does not fit in
     * one long of nanoseconds (10,000 pairs over 90 days is 7.8e19 ns, past 9.2e18).
     */
    private static final class Time {
        private static final long NANOS = 1_000_000_000L;
        private long seconds;
        private long rest;

        void add(long nanos) {
            seconds += nanos / NANOS;
            rest += nanos % NANOS;
        }

        long seconds() {
            return seconds + rest / NANOS;
        }

        BigDecimal nanos() {
            return BigDecimal.valueOf(seconds).scaleByPowerOfTen(9).add(BigDecimal.valueOf(rest));
        }
    }

    /** Sums for a group of (rule, table) pairs. */
    private static final class Sum {
        final Set<String> tables = new HashSet<>();
        int pairs;
        final Time compliant = new Time();
        final Time nonCompliant = new Time();
        final Time unknown = new Time();
        int violations;

        void add(PairTrack t) {
            tables.add(t.tableKey());
            pairs++;
            compliant.add(t.nanos(Status.COMPLIANT));
            nonCompliant.add(t.nanos(Status.NON_COMPLIANT));
            unknown.add(t.nanos(Status.UNKNOWN));
            violations += t.violations().size();
        }

        BigDecimal percent(long period) {
            return Sections.percent(compliant.nanos(), BigDecimal.valueOf(period).multiply(BigDecimal.valueOf(pairs)));
        }
    }

    static Summaries of(List<PairTrack> tracks, Map<String, RuleInfo> infos, ReportScope scope,
                        Instant from, Instant to) {
        long period = Duration.between(from, to).toNanos();
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
                    s.tables.size(), s.percent(period), s.nonCompliant.seconds(), s.unknown.seconds(),
                    s.violations));
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
                s.tables.size(), s.percent(period), s.nonCompliant.seconds(), s.unknown.seconds(),
                s.violations)));
        return new Summaries(rules, frameworks);
    }
}
