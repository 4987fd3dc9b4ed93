package io.backupsentinel.engine;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Logs every transition once: a finding first seen in a state other than COMPLIANT, a status change, a close. */
public final class LoggingSink implements FindingSink {
    private static final Logger LOG = LoggerFactory.getLogger("io.backupsentinel.findings");

    @Override
    public void evaluated(String rule, Target target, List<Finding> findings, List<Transition> transitions) {
        for (Transition t : transitions) {
            Finding f = t.latest();
            switch (t.kind()) {
                case OPENED -> {
                    if (f.status() != Status.COMPLIANT) {
                        LOG.info("{} {}: first seen {}: {}", rule, where(f), f.status(), f.message());
                    }
                }
                case CHANGED -> LOG.info("{} {}: {} -> {}: {}", rule, where(f), t.from(), t.to(), f.message());
                case CLOSED -> LOG.info("{} {}: no longer judged (was {})", rule, where(f), t.from());
            }
        }
    }

    private static String where(Finding f) {
        return f.account() + "/" + f.region() + "/" + f.table();
    }
}
