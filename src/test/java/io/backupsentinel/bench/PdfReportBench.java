package io.backupsentinel.bench;

import io.backupsentinel.report.pdf.PdfReport;
import io.backupsentinel.report.pdf.ReportFixture;
import io.backupsentinel.report.period.PeriodReport;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Times {@link PdfReport#write} for a 90-day report at fleet size: {@code TABLES} tables × {@code RULES} rules
 * (one row per pair in "Time by rule and table", a violation on every tenth pair), written to a stream that
 * only counts bytes, so the figure is the layout and compression, not the disk. The model is built first and
 * not timed (the report helper's bench times building it from the history). Prints each round's time, the
 * pages and bytes, and the peak heap after the rounds. Run after {@code mvn -q test-compile} and
 * {@code mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}:
 * {@code java -Xmx1g -cp target/classes:target/test-classes:$(cat /tmp/cp.txt)
 * io.backupsentinel.bench.PdfReportBench [TABLES=10000] [RULES=10] [DAYS=90] [ROUNDS=3]}
 * (BENCHMARKS.md, "Reports").
 */
public final class PdfReportBench {
    public static void main(String[] args) throws IOException {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 90;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        PeriodReport report = ReportFixture.sized(tables, rules, days, false);
        System.out.printf("model: %,d time rows, %,d violations; max heap %,d MB%n", report.times().size(),
                report.violations().size(), Runtime.getRuntime().maxMemory() >> 20);
        for (int round = 1; round <= rounds; round++) {
            Counting out = new Counting();
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long start = System.nanoTime();
            String sha = PdfReport.write(report, out);
            long ms = (System.nanoTime() - start) / 1_000_000;
            cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1_000_000;
            // CPU time of the writing thread: on a shared machine, wall time minus this is time spent waiting.
            System.out.printf("round %d: %,d ms (writer thread CPU %,d ms), %,d bytes, sha256 %s%n", round, ms, cpu,
                    out.bytes, sha);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap used (sum of pool peaks): %,d MB%n", peak >> 20);
    }

    /** Counts what it is given and keeps nothing. */
    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
