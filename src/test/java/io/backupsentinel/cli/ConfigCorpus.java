package io.backupsentinel.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Malformed config files built from templates: every key with values of the wrong kind, out of range or
 * overflowing, duplicates, unknown keys, YAML syntax faults, aliases, depth, size and encodings. Each case is
 * one fault, so {@code audit --config} must print exactly one error, located when {@code located}.
 */
final class ConfigCorpus {
    /** One malformed file: its name, its bytes, and whether the error has a line and column. */
    record Case(String name, byte[] bytes, boolean located) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String REGION = "aws:\n  regions: [us-east-1]\n";
    private static final List<String> NOT_SCALAR = List.of("[x]", "{a: b}");
    private static final List<String> BAD_DURATIONS = List.of("[x]", "{a: b}", "5", "true", "soon", "-1m", "1h30",
            "3000000000000000w", "99999999999999999999s", "99999999999999d", "0s", "1ms", "''");

    private ConfigCorpus() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        wrongKinds(cases);
        durations(cases);
        numbers(cases);
        duplicatesAndUnknownKeys(cases);
        syntax(cases);
        sizeDepthAliasesAndEncodings(cases);
        return cases;
    }

    private static void add(List<Case> cases, String name, String yaml) {
        cases.add(new Case(name, yaml.getBytes(StandardCharsets.UTF_8), true));
    }

    private static void wrongKinds(List<Case> cases) {
        for (String v : List.of("5", "[x]", "true", "text")) {
            add(cases, "aws-is-" + v, "aws: " + v + "\n");
            add(cases, "daemon-is-" + v, REGION + "daemon: " + v + "\n");
            add(cases, "rate-limits-are-" + v, "aws: {regions: [us-east-1], rate_limits: " + v + "}\n");
        }
        for (String v : List.of("5", "{a: b}", "text")) {
            add(cases, "regions-are-" + v, "aws: {regions: " + v + "}\n");
            add(cases, "accounts-are-" + v, "aws: {regions: [us-east-1], accounts: " + v + "}\n");
        }
        for (String v : NOT_SCALAR) {
            add(cases, "rules-is-" + v, REGION + "rules: " + v + "\n");
            add(cases, "session-name-is-" + v, "aws: {regions: [us-east-1], session_name: " + v + "}\n");
            add(cases, "data-dir-is-" + v, REGION + "daemon: {data_dir: " + v + "}\n");
            add(cases, "role-arn-is-" + v, "aws: {regions: [us-east-1], accounts: [{role_arn: " + v + "}]}\n");
            add(cases, "external-id-is-" + v, "aws: {regions: [us-east-1], accounts: [{role_arn: "
                    + "'arn:aws:iam::222222222222:role/A', external_id: " + v + "}]}\n");
            add(cases, "region-item-is-" + v, "aws: {regions: [" + v + "]}\n");
        }
        add(cases, "region-is-not-a-region", "aws: {regions: [useast1]}\n");
        add(cases, "region-listed-twice", "aws: {regions: [us-east-1, us-east-1]}\n");
        add(cases, "account-is-not-self", "aws: {regions: [us-east-1], accounts: [me]}\n");
        add(cases, "account-is-a-list", "aws: {regions: [us-east-1], accounts: [[self]]}\n");
        add(cases, "role-arn-missing", "aws: {regions: [us-east-1], accounts: [{external_id: x}]}\n");
        add(cases, "role-arn-malformed", "aws: {regions: [us-east-1], accounts: [{role_arn: 'arn:aws:iam::22:role/x'}]}\n");
        add(cases, "session-name-too-short", "aws: {regions: [us-east-1], session_name: a}\n");
        add(cases, "session-name-with-spaces", "aws: {regions: [us-east-1], session_name: 'my session'}\n");
        add(cases, "rules-path-missing", REGION + "rules: ./no-such-rules\n");
        add(cases, "rules-path-empty", REGION + "rules: ''\n");
    }

    private static void durations(List<Case> cases) {
        for (String key : List.of("collect_every", "evaluate_every", "recheck_every")) {
            for (String v : BAD_DURATIONS) {
                add(cases, "daemon-" + key + "-" + v, REGION + "daemon:\n  " + key + ": " + v + "\n");
            }
            add(cases, "daemon-" + key + "-too-long", REGION + "daemon:\n  " + key + ": 31d\n");
        }
        add(cases, "daemon-collect-below-floor", REGION + "daemon: {collect_every: 9s}\n");
        add(cases, "daemon-recheck-below-floor", REGION + "daemon: {recheck_every: 4s}\n");
        for (String key : List.of("call_timeout", "attempt_timeout")) {
            for (String v : BAD_DURATIONS) {
                add(cases, "aws-" + key + "-" + v, "aws:\n  regions: [us-east-1]\n  " + key + ": " + v + "\n");
            }
        }
    }

    private static void numbers(List<Case> cases) {
        for (String v : List.of("0", "-1", "1.5", "lots", "12345678901234567890", "3000000000", "true", "1025",
                "[4]", "0x10")) {
            add(cases, "max-concurrency-" + v, "aws: {regions: [us-east-1], max_concurrency: " + v + "}\n");
        }
        for (String v : List.of("0", "-1", "x", "[1]", ".inf", ".nan", "1e300", "'1e-12'", "0.000000001")) {
            add(cases, "rate-scale-" + v, "aws: {regions: [us-east-1], rate_limits: {scale: " + v + "}}\n");
        }
        for (String v : List.of("0", "-5", "fast", "0.001")) {
            add(cases, "rate-override-" + v, "aws: {regions: [us-east-1], rate_limits: {ListBackups: " + v + "}}\n");
        }
    }

    private static void duplicatesAndUnknownKeys(List<Case> cases) {
        add(cases, "duplicate-aws", "aws: {regions: [us-east-1]}\naws: {regions: [eu-west-1]}\n");
        add(cases, "duplicate-daemon", REGION + "daemon: {}\ndaemon: {}\n");
        add(cases, "duplicate-rules", REGION + "rules: .\nrules: .\n");
        add(cases, "duplicate-collect-every", REGION + "daemon:\n  collect_every: 1m\n  collect_every: 2m\n");
        add(cases, "duplicate-regions", "aws:\n  regions: [us-east-1]\n  regions: [eu-west-1]\n");
        add(cases, "duplicate-rate", "aws:\n  regions: [us-east-1]\n  rate_limits: {ListBackups: 1, ListBackups: 2}\n");
        add(cases, "unknown-top-key", REGION + "rulez: ./rules\n");
        add(cases, "unknown-aws-key", "aws: {regoins: [us-east-1]}\n");
        add(cases, "unknown-daemon-key", REGION + "daemon: {colect_every: 1m}\n");
        add(cases, "unknown-account-key", "aws: {regions: [us-east-1], accounts: [{role_arn: "
                + "'arn:aws:iam::222222222222:role/A', externalid: x}]}\n");
        add(cases, "unknown-operation", "aws: {regions: [us-east-1], rate_limits: {Scan: 3}}\n");
        add(cases, "non-scalar-key", REGION + "? [a, b]\n: c\n");
    }

    private static void syntax(List<Case> cases) {
        add(cases, "syntax-unclosed-flow", "aws:\n  regions: [us-east-1\n");
        add(cases, "syntax-unclosed-quote", "rules: \"./rules\n");
        add(cases, "syntax-bad-indent", "aws:\n  regions: [us-east-1]\n session_name: x\n");
        add(cases, "syntax-tab-indent", "aws:\n\tregions: [us-east-1]\n");
        add(cases, "syntax-two-documents", REGION + "---\nrules: x\n");
        add(cases, "syntax-stray-bracket", REGION + "rules: ]\n");
        add(cases, "syntax-undefined-alias", REGION + "rules: *nope\n");
        add(cases, "root-is-a-list", "- aws\n- daemon\n");
        add(cases, "root-is-text", "just some words\n");
        add(cases, "alias-cycle", "aws: &a {regions: [us-east-1], accounts: [*a]}\n");
    }

    private static void sizeDepthAliasesAndEncodings(List<Case> cases) {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        cases.add(new Case("alias-bomb", bomb.toString().getBytes(StandardCharsets.UTF_8), false));
        cases.add(new Case("depth-bomb", ("aws: " + "[".repeat(5000) + "]".repeat(5000) + "\n")
                .getBytes(StandardCharsets.UTF_8), false));
        byte[] big = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        cases.add(new Case("one-line-over-1mb", big, false));
        String plain = REGION + "daemon: {collect_every: 1m}\n";
        cases.add(new Case("utf16le-with-bom", ("\ufeff" + plain).getBytes(StandardCharsets.UTF_16LE), true));
        cases.add(new Case("utf16be-with-bom", ("\ufeff" + plain).getBytes(StandardCharsets.UTF_16BE), true));
        cases.add(new Case("utf16le-without-bom", plain.getBytes(StandardCharsets.UTF_16LE), true));
        cases.add(new Case("utf32-with-bom", ("\ufeff" + plain).getBytes(Charset.forName("UTF-32LE")), true));
        cases.add(new Case("latin1", (REGION + "aws_comment: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1), true));
        byte[] ff = (REGION + "rules: x\n").getBytes(StandardCharsets.UTF_8);
        ff[ff.length - 2] = (byte) 0xFF;
        cases.add(new Case("byte-0xff", ff, true));
        cases.add(new Case("empty", new byte[0], false));
        cases.add(new Case("comment-only", "# nothing here\n".getBytes(StandardCharsets.UTF_8), false));
    }
}
