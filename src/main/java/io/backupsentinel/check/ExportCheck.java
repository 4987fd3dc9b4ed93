package io.backupsentinel.check;

import io.backupsentinel.model.Durations;
import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code export}: the table was exported to S3 recently, and a newer failed export is not hidden. */
public final class ExportCheck implements Check<ExportCheck.P> {
    /** @param expected the findings' {@code expected}, made once per binding */
    public record P(Duration maxAge, boolean requireKms, String expected) {
        public P(Duration maxAge, boolean requireKms) {
            this(maxAge, requireKms, "COMPLETED export ≤ " + Durations.format(maxAge) + " old"
                    + (requireKms ? ", SSE-KMS" : ""));
        }
    }

    private static final CheckSpec SPEC = new CheckSpec("export",
            "Judges DynamoDB exports to S3 (ListExports, DescribeExport). The newest COMPLETED export's ExportTime "
                    + "must be within max_age, and with require_kms it must be encrypted with SSE-KMS. A FAILED export "
                    + "newer than it is reported with AWS's FailureCode and FailureMessage. COMPLIANT when the newest "
                    + "completed export is recent enough (and KMS-encrypted if required; a newer failure is still "
                    + "mentioned); NON_COMPLIANT when there is no completed export, it is too old, or it is not "
                    + "KMS-encrypted as required; UNKNOWN when the exports could not be listed.",
            List.of(ParamSpec.required("max_age", ParamType.DURATION,
                            "Oldest acceptable ExportTime of the newest completed export, e.g. 7d."),
                    ParamSpec.optional("require_kms", ParamType.BOOLEAN, false,
                            "The export must be encrypted with SSE-KMS (S3SseAlgorithm KMS).")),
            IamActions.EXPORTS,
            Set.of(FactKind.EXPORTS),
            """
            - name: weekly-export
              description: Analytics tables are exported to S3, encrypted with KMS, at least weekly.
              check: export
              severity: medium
              scope:
                tags: {export: weekly}
              params: {max_age: 7d, require_kms: true}
            """);

    @Override
    public CheckSpec spec() {
        return SPEC;
    }

    @Override
    public P bind(Params params) {
        return new P(ParamValues.requiredDuration(params, "max_age"), ParamValues.bool(params, "require_kms", false));
    }

    /** Exports back to max_age: only an export that recent counts. */
    @Override
    public Map<FactKind, Duration> lookbacks(P p) {
        return Lookbacks.of(SPEC.facts(), Map.of(FactKind.EXPORTS, p.maxAge()));
    }

    @Override
    public Outcome evaluate(TableFacts facts, P p, Instant now) {
        String expected = p.expected();
        if (!facts.exports().known()) {
            return Outcome.unknown(expected, "Exports unknown: " + facts.exports().cause());
        }
        List<ExportRecord> exports = facts.exports().value();
        Optional<ExportRecord> done = exports.stream().filter(e -> e.completed() && pointInTime(e) != null)
                .max(Comparator.comparing(ExportCheck::pointInTime));
        Optional<ExportRecord> newerFailure = exports.stream()
                .filter(e -> "FAILED".equals(e.status()) && started(e) != null)
                .filter(e -> done.isEmpty() || started(e).isAfter(pointInTime(done.get())))
                .max(Comparator.comparing(ExportCheck::started));
        String failure = newerFailure.map(e -> " A newer export failed " + Ages.ago(started(e), now) + ": "
                + e.failureCode() + " " + (e.failureMessage() == null ? "" : e.failureMessage())
                + (e.s3Bucket() == null ? "" : " (bucket " + e.s3Bucket() + ")") + ".").orElse("");
        String failureObserved = newerFailure.map(e -> "; newer FAILED " + Ages.ago(started(e), now) + " ("
                + e.failureCode() + ")").orElse("");
        String fix = fix(facts.table(), done.or(() -> newerFailure).map(ExportRecord::s3Bucket).orElse(null), p);
        if (done.isEmpty()) {
            return Outcome.nonCompliant("no completed export" + failureObserved, expected,
                    "The table has no completed export to S3." + failure + " Export it: " + fix);
        }
        ExportRecord e = done.get();
        String observed = "newest COMPLETED " + Ages.ago(pointInTime(e), now) + " to " + e.s3Bucket()
                + (e.sseAlgorithm() == null ? "" : " (" + e.sseAlgorithm() + ")") + failureObserved;
        if (!Ages.within(pointInTime(e), now, p.maxAge())) {
            return Outcome.nonCompliant(observed, expected, "The newest completed export is "
                    + Durations.format(Ages.since(pointInTime(e), now)) + " old, over " + Durations.format(p.maxAge())
                    + "." + failure + " Export again: " + fix);
        }
        if (p.requireKms() && !"KMS".equals(e.sseAlgorithm())) {
            return Outcome.nonCompliant(observed, expected, "The newest export is encrypted with "
                    + (e.sseAlgorithm() == null ? "no reported algorithm" : e.sseAlgorithm()) + ", not SSE-KMS."
                    + failure + " Export with KMS: " + fix);
        }
        return Outcome.compliant(observed, expected, "The table was exported " + Ages.ago(pointInTime(e), now) + "."
                + failure);
    }

    /** The moment the exported data reflects; ExportTime, else when the export started. */
    private static Instant pointInTime(ExportRecord e) {
        return e.exportTime() != null ? e.exportTime() : e.startTime();
    }

    private static Instant started(ExportRecord e) {
        return e.startTime() != null ? e.startTime() : e.exportTime();
    }

    private static String fix(TableRef t, String bucket, P p) {
        return "aws dynamodb export-table-to-point-in-time --region " + t.region() + " --table-arn " + t.arn()
                + " --s3-bucket " + (bucket == null ? "BUCKET" : bucket)
                + (p.requireKms() ? " --s3-sse-algorithm KMS --s3-sse-kms-key-id KEY_ARN" : "");
    }
}
