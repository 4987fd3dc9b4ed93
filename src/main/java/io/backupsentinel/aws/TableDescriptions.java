package io.backupsentinel.aws;

import io.backupsentinel.model.Fact;
import io.backupsentinel.model.TableDescription;
import io.backupsentinel.model.TableRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * DescribeTable per table, at most once per {@link #MAX_AGE} per table: AWS refreshes TableSizeBytes and
 * ItemCount only about every six hours and asks clients not to poll the control plane, so a description is
 * kept (by table ARN, with the time it was read) and served from here until it is a day old. A failed call
 * leaves no entry, so the next sweep asks again. One instance lives as long as its account-region's session.
 */
final class TableDescriptions {
    static final Duration MAX_AGE = Duration.ofDays(1);

    private final Map<String, TableDescription> byArn = new ConcurrentHashMap<>();

    /** The description of every table, in the tables' order; only tables without a fresh one cost a call. */
    List<Fact<TableDescription>> describe(Caller caller, RegionApi api, List<TableRef> tables, Instant now)
            throws InterruptedException {
        // Entries a day old are dropped: they would be read again anyway, and tables that left stay bounded.
        byArn.values().removeIf(d -> !fresh(d, now));
        AtomicReferenceArray<Fact<TableDescription>> out = new AtomicReferenceArray<>(tables.size());
        List<Integer> toCall = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            TableDescription cached = byArn.get(tables.get(i).arn());
            if (cached != null) {
                out.set(i, Fact.of(cached));
            } else {
                toCall.add(i);
            }
        }
        CountDownLatch done = new CountDownLatch(toCall.size());
        for (int index : toCall) {
            TableRef table = tables.get(index);
            caller.async("DescribeTable", () -> api.describeTable(table.name(), now), (d, failure) -> {
                if (failure == null) {
                    byArn.put(table.arn(), d);
                    out.set(index, Fact.of(d));
                } else {
                    out.set(index, Fact.failed(Causes.of("DescribeTable", failure)));
                }
                done.countDown();
            });
        }
        done.await();
        List<Fact<TableDescription>> facts = new ArrayList<>(tables.size());
        for (int i = 0; i < tables.size(); i++) {
            facts.add(out.get(i));
        }
        return facts;
    }

    private static boolean fresh(TableDescription d, Instant now) {
        return d.describedAt().plus(MAX_AGE).isAfter(now);
    }
}
