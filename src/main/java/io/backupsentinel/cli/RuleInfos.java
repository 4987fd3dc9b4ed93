package io.backupsentinel.cli;

import io.backupsentinel.report.period.RuleInfo;
import io.backupsentinel.rule.Rule;
import io.backupsentinel.rule.RuleSet;

import java.util.List;

/** The rules' metadata as reports take it ({@code report} and {@code web} may not import {@code rule}). */
final class RuleInfos {
    private RuleInfos() {
    }

    static List<RuleInfo> of(RuleSet rules) {
        return rules.rules().stream().map(RuleInfos::of).toList();
    }

    static RuleInfo of(Rule r) {
        return new RuleInfo(r.name(), r.checkName(), r.severity(), r.frameworks(), r.description());
    }
}
