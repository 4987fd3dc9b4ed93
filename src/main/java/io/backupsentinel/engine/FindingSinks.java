package io.backupsentinel.engine;

import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Transition;
import io.backupsentinel.rule.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Several sinks as one, called in order; a sink that throws is logged and does not stop the others. */
public final class FindingSinks implements FindingSink {
    private static final Logger LOG = LoggerFactory.getLogger(FindingSinks.class);
    private final List<FindingSink> sinks;

    private FindingSinks(List<FindingSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    public static FindingSink of(FindingSink... sinks) {
        return new FindingSinks(List.of(sinks));
    }

    @Override
    public void evaluated(String rule, Target target, List<Finding> findings, List<Transition> transitions) {
        for (FindingSink s : sinks) {
            guard(s, () -> s.evaluated(rule, target, findings, transitions));
        }
    }

    @Override
    public void collecting(Target target, List<String> rules, java.util.Set<String> onlyTables,
                           java.time.Instant started) {
        for (FindingSink s : sinks) {
            guard(s, () -> s.collecting(target, rules, onlyTables, started));
        }
    }

    @Override
    public void collected(RegionSnapshot snapshot, RuleSet rules, java.util.Set<String> onlyTables, AuditRun run) {
        for (FindingSink s : sinks) {
            guard(s, () -> s.collected(snapshot, rules, onlyTables, run));
        }
    }

    @Override
    public void judged(String rule, Target target, java.time.Duration took) {
        for (FindingSink s : sinks) {
            guard(s, () -> s.judged(rule, target, took));
        }
    }

    @Override
    public void rulesChanged(RuleSet rules) {
        for (FindingSink s : sinks) {
            guard(s, () -> s.rulesChanged(rules));
        }
    }

    private static void guard(FindingSink sink, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("{} failed (a bug); the other outputs still get the results", sink.getClass().getSimpleName(), e);
        }
    }
}
