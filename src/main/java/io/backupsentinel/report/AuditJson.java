package io.backupsentinel.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.model.AuditResult;
import io.backupsentinel.model.CollectionFailure;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.RuleReach;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * An audit as one indented JSON document: when it ran, the summary by status, the failed collections, the AWS
 * requests, each rule's reach, and the findings in the contract's shape ({@link FindingFields}).
 */
public final class AuditJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditJson() {
    }

    /** One finding as the contract's JSON object, keys in {@link FindingFields#COLUMNS} order. */
    public static ObjectNode finding(Finding f) {
        ObjectNode n = JSON.createObjectNode();
        List<String> values = FindingFields.values(f);
        for (int i = 0; i < FindingFields.COLUMNS.size(); i++) {
            n.put(FindingFields.COLUMNS.get(i), values.get(i));
        }
        return n;
    }

    /** Writes the audit followed by a line separator; leaves {@code out} open. */
    public static void write(AuditResult r, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("startedAt", r.startedAt().toString());
        root.put("durationSeconds", r.duration().toMillis() / 1000.0);
        root.put("tables", r.tables());
        ObjectNode summary = root.putObject("summary");
        r.countByStatus().forEach((s, n) -> summary.put(s.name(), n));
        ArrayNode failures = root.putArray("collectionFailures");
        for (CollectionFailure f : r.failures()) {
            failures.addObject().put("account", f.target().account()).put("region", f.target().region())
                    .put("cause", f.cause());
        }
        ObjectNode requests = root.putObject("awsRequests");
        r.requests().forEach(requests::put);
        ArrayNode rules = root.putArray("rules");
        for (RuleReach reach : r.rules()) {
            rules.addObject().put("rule", reach.rule()).put("tables", reach.tables())
                    .put("allowEmpty", reach.allowEmpty());
        }
        ArrayNode findings = root.putArray("findings");
        r.findings().forEach(f -> findings.add(finding(f)));
        JSON.writeValue(new NonClosingWriter(out), root);
        out.write(System.lineSeparator());
    }

    /** Jackson closes the writer it is given; standard output must stay open. */
    private static final class NonClosingWriter extends FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
