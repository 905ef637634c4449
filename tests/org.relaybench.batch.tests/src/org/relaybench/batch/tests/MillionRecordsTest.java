package org.relaybench.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.relaybench.session.AccountFields;
import org.relaybench.session.batch.BatchFormat;
import org.relaybench.session.batch.BatchPipeline;
import org.relaybench.session.batch.BatchReader;
import org.relaybench.session.batch.BatchReaders;

/**
 * A million generated records through {@code relaybench batch} in this test runtime, whose heap is
 * limited to 256 MB (the module's argLine): the run ends, every result arrives in input order, and the
 * heap's peak is printed with the time, next to the floor: the same input read and each record parsed
 * and validated by the same reader and pipeline, and output of the same size written to the same sink,
 * without diagnosing. Figures, not a timed test: the machine is shared.
 */
class MillionRecordsTest {

    private static final int RECORDS = 1_000_000;

    /** Counts output lines and checks that each JSON line's "line" is the next one; cheap per byte. */
    static final class OrderedSink extends OutputStream {
        long bytes;
        long lines;
        private final byte[] head = new byte[32];
        private int headLength;
        private long expected = 2;

        @Override
        public void write(int b) {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    String start = new String(head, 0, headLength, java.nio.charset.StandardCharsets.UTF_8);
                    if (!start.startsWith("{\"line\":" + expected + ",")) {
                        throw new AssertionError("result " + (lines + 1) + " is not line " + expected + ": " + start);
                    }
                    expected++;
                    lines++;
                    headLength = 0;
                } else if (headLength < head.length) {
                    head[headLength++] = b[i];
                }
            }
        }
    }

    @Test
    void aMillionRecordsStreamThroughA256MegabyteHeapInOrder() throws Exception {
        long max = Runtime.getRuntime().maxMemory();
        assertTrue(max <= 256L * 1024 * 1024, "the test runtime runs with -Xmx256m: " + max);
        resetPeaks();
        OrderedSink out = new OrderedSink();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int exit = Batch.run(new Generated(RECORDS), out, err, "batch", "--quiet", "--format", "csv", "-");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, exit, err.toString());
        assertEquals(RECORDS, out.lines);
        long peak = peakHeap();

        // the floor: the same input read and parsed, output of the same size written, no diagnosis
        long lineBytes = out.bytes / out.lines;
        String padding = "x".repeat((int) lineBytes - 20);
        OrderedSink sink = new OrderedSink();
        long t1 = System.nanoTime();
        try (BatchReader reader = BatchReaders.open(new Generated(RECORDS), Optional.of(BatchFormat.CSV))) {
            long n = BatchPipeline.run(reader, r -> true, records -> records.stream().map(r -> {
                r.read().fields().map(AccountFields::check);
                return ("{\"line\":" + r.line() + "," + padding + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }).toList(), 16, (r, l) -> sink.write(l), Runtime.getRuntime().availableProcessors(), 64);
            assertEquals(RECORDS, n);
            assertEquals(RECORDS, sink.lines);
        }
        double floor = (System.nanoTime() - t1) / 1e9;
        System.out.printf(java.util.Locale.ROOT,
                "batch, %,d records offline in-process (%d cores, -Xmx256m): %.1f s, %,.0f records/s, %,d bytes of JSON Lines "
                        + "(%,d per record), heap peak %,d MB; floor (parse + write the same bytes, no diagnosis) %.1f s "
                        + "(%,.0f records/s): %.2fx the floor%n",
                RECORDS, Runtime.getRuntime().availableProcessors(), seconds, RECORDS / seconds, out.bytes, lineBytes,
                peak / (1024 * 1024), floor, RECORDS / floor, seconds / floor);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
