package io.backupsentinel.aws;

import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.TableRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The calls made per table: DescribeContinuousBackups for every in-scope table (there is no batch form,
 * so this sets the floor of a sweep) and DescribeExport for the few exports each table's check needs.
 * Each call's failure stays with its table.
 */
final class TableCalls {
    private final Caller caller;
    private final RegionApi api;

    TableCalls(Caller caller, RegionApi api) {
        this.caller = caller;
        this.api = api;
    }

    /** PITR of every table, in the tables' order. */
    List<Fact<PitrState>> pitr(List<TableRef> tables) throws InterruptedException {
        AtomicReferenceArray<Fact<PitrState>> out = new AtomicReferenceArray<>(tables.size());
        CountDownLatch done = new CountDownLatch(tables.size());
        for (int i = 0; i < tables.size(); i++) {
            int index = i;
            String name = tables.get(i).name();
            caller.async("DescribeContinuousBackups", () -> api.describeContinuousBackups(name), (state, failure) -> {
                out.set(index, failure == null ? Fact.of(state)
                        : Fact.failed(Causes.of("DescribeContinuousBackups", failure)));
                done.countDown();
            });
        }
        done.await();
        List<Fact<PitrState>> facts = new ArrayList<>(tables.size());
        for (int i = 0; i < tables.size(); i++) {
            facts.add(out.get(i));
        }
        return facts;
    }

    /**
     * Describes the exports {@link ExportSelection} picks for each table ({@code summaries}: the region's
     * ListExports grouped by table). A table's fact fails when one of its DescribeExport calls fails.
     */
    Map<String, Fact<List<ExportRecord>>> exports(Map<String, List<RegionApi.ExportSummary>> summaries)
            throws InterruptedException {
        Map<String, List<String>> wanted = new HashMap<>();
        int calls = 0;
        for (Map.Entry<String, List<RegionApi.ExportSummary>> e : summaries.entrySet()) {
            List<String> arns = ExportSelection.toDescribe(e.getValue());
            wanted.put(e.getKey(), arns);
            calls += arns.size();
        }
        Map<String, ExportResults> results = new HashMap<>();
        wanted.forEach((table, arns) -> results.put(table, new ExportResults()));
        CountDownLatch done = new CountDownLatch(calls);
        for (Map.Entry<String, List<String>> e : wanted.entrySet()) {
            ExportResults r = results.get(e.getKey());
            for (String arn : e.getValue()) {
                caller.async("DescribeExport", () -> api.describeExport(arn), (record, failure) -> {
                    r.add(record, failure == null ? null : Causes.of("DescribeExport", failure));
                    done.countDown();
                });
            }
        }
        done.await();
        Map<String, Fact<List<ExportRecord>>> out = new HashMap<>();
        results.forEach((table, r) -> out.put(table, r.fact()));
        return out;
    }

    /** The described exports of one table, filled by worker threads. */
    private static final class ExportResults {
        private final List<ExportRecord> records = new ArrayList<>(2);
        private String cause;

        synchronized void add(ExportRecord record, String failure) {
            if (failure != null) {
                cause = cause == null ? failure : cause;
            } else {
                records.add(record);
            }
        }

        synchronized Fact<List<ExportRecord>> fact() {
            if (cause != null) {
                return Fact.failed(cause);
            }
            records.sort(Comparator.comparing(ExportRecord::startTime,
                    Comparator.nullsLast(Comparator.reverseOrder())));
            return Fact.of(List.copyOf(records));
        }
    }
}
