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
import org.relaybench.cli.internal.BatchCommand;
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
 * without diagnosing. The floor runs first and the batch after it, so that each pays for compiling the
 * code it adds; then both again, compiled. Figures, not a timed test: the machine is shared.
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

    /** A timed run: wall and CPU time (all the process' threads), and what the sink received. */
    record Run(double seconds, double cpu, long bytes, long lines) {
        double ratio(Run floor) {
            return seconds / floor.seconds;
        }
    }

    @Test
    void aMillionRecordsStreamThroughA256MegabyteHeapInOrder() throws Exception {
        long max = Runtime.getRuntime().maxMemory();
        assertTrue(max <= 256L * 1024 * 1024, "the test runtime runs with -Xmx256m: " + max);
        // the size of a result line, for the floor: the generator repeats every 2,100 records
        Run sample = batch(2_100);
        long lineBytes = sample.bytes / sample.lines;
        // cold: the floor first, which compiles the reader, the pipeline and the sink; then the batch,
        // which compiles the engine and the JSON writer on top: each pays for compiling what it runs
        Run floor = floor(lineBytes);
        resetPeaks();
        Run cold = batch(RECORDS);
        long peak = peakHeap();
        // warm: each again, everything compiled
        Run warmFloor = floor(lineBytes);
        Run warm = batch(RECORDS);
        System.out.printf(java.util.Locale.ROOT,
                "batch, %,d records offline in-process (%d cores, -Xmx256m): %.1f s, %,.0f records/s, CPU %.1f s, %,d bytes "
                        + "of JSON Lines (%,d per record), heap peak %,d MB; floor (parse + write the same bytes, no diagnosis, "
                        + "run first) %.1f s (%,.0f records/s), CPU %.1f s: %.2fx the floor%n",
                RECORDS, Runtime.getRuntime().availableProcessors(), cold.seconds, RECORDS / cold.seconds, cold.cpu,
                cold.bytes, cold.bytes / cold.lines, peak / (1024 * 1024), floor.seconds, RECORDS / floor.seconds, floor.cpu,
                cold.ratio(floor));
        System.out.printf(java.util.Locale.ROOT,
                "again, compiled: batch %.1f s (%,.0f records/s), CPU %.1f s; floor %.1f s, CPU %.1f s: %.2fx the floor%n",
                warm.seconds, RECORDS / warm.seconds, warm.cpu, warmFloor.seconds, warmFloor.cpu, warm.ratio(warmFloor));
    }

    /** @return {@code relaybench batch} over generated records, each result checked to arrive in input order */
    private static Run batch(int records) {
        OrderedSink out = new OrderedSink();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long c0 = cpu();
        long t0 = System.nanoTime();
        int exit = Batch.run(new Generated(records), out, err, "batch", "--quiet", "--format", "csv", "-");
        Run run = new Run((System.nanoTime() - t0) / 1e9, (cpu() - c0) / 1e9, out.bytes, out.lines);
        assertEquals(0, exit, err.toString());
        assertEquals(records, out.lines);
        return run;
    }

    /**
     * @return the floor: the same input read and parsed by the same reader and pipeline (the batch's
     *         chunks, window and threads), each record validated, output of the same size written
     */
    private static Run floor(long lineBytes) throws Exception {
        String padding = "x".repeat((int) lineBytes - 20);
        OrderedSink sink = new OrderedSink();
        int threads = Runtime.getRuntime().availableProcessors();
        long c1 = cpu();
        long t1 = System.nanoTime();
        try (BatchReader reader = BatchReaders.open(new Generated(RECORDS), Optional.of(BatchFormat.CSV))) {
            long n = BatchPipeline.run(reader, r -> true, records -> records.stream().map(r -> {
                r.read().fields().map(AccountFields::check);
                return ("{\"line\":" + r.line() + "," + padding + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }).toList(), BatchCommand.CHUNK, (r, l) -> sink.write(l), threads, BatchCommand.window(threads));
            assertEquals(RECORDS, n);
            assertEquals(RECORDS, sink.lines);
        }
        return new Run((System.nanoTime() - t1) / 1e9, (cpu() - c1) / 1e9, sink.bytes, sink.lines);
    }

    /** @return the CPU time of this process so far (all its threads, the JVM's own included), in nanoseconds */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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
