package org.relaybench.session.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a batch streaming: one thread reads records, a pool of workers processes them in parallel, and
 * the caller's thread receives the results <em>in input order</em>.
 * <p>
 * Order and memory: every record read is queued with the future of its work in a queue of
 * {@code window} places; the caller takes the oldest and waits for it. The reader blocks when the
 * queue is full, so at most {@code window + 2} records are held at any time, whatever the input's
 * size, and a slow record delays output but never reorders it.
 *
 * @since 0.1
 */
public final class BatchPipeline {

    /**
     * Receives each result, in input order, on the caller's thread.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Sink<T> {
        /**
         * @param record the record
         * @param result what the work made of it
         * @throws IOException when it cannot be written; the run stops
         */
        void accept(BatchRecord record, T result) throws IOException;
    }

    private record Slot<T>(BatchRecord record, Future<T> result, Throwable failure) {
    }

    private BatchPipeline() {
    }

    /**
     * @param <T> what the work makes of a record
     * @param reader the input; read on a thread of its own, not closed here
     * @param include which records to process (a shard, those not yet done); the others are skipped
     * @param work what to do with a record; runs on the workers, must be thread-safe and should not
     *        throw (turn a record's failure into its result)
     * @param sink receives the results in input order
     * @param threads how many workers
     * @param window how many records may be read ahead of the oldest not yet received
     * @return how many records the sink received
     * @throws IOException when the input cannot be read or the sink fails
     * @throws InterruptedException when interrupted
     */
    public static <T> long run(BatchReader reader, Predicate<BatchRecord> include, Function<BatchRecord, T> work,
            Sink<T> sink, int threads, int window) throws IOException, InterruptedException {
        Objects.requireNonNull(reader, "reader");
        if (threads < 1 || window < 1) {
            throw new IllegalArgumentException("threads and window must be positive: " + threads + ", " + window);
        }
        BlockingQueue<Slot<T>> queue = new ArrayBlockingQueue<>(window);
        AtomicInteger count = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "relaybench-batch-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean stop = new AtomicBoolean();
        Slot<T> end = new Slot<>(null, null, null);
        Thread reading = new Thread(() -> {
            try {
                try {
                    for (Optional<BatchRecord> r = reader.next(); r.isPresent() && !stop.get(); r = reader.next()) {
                        BatchRecord record = r.get();
                        if (include.test(record)) {
                            queue.put(new Slot<>(record, workers.submit(() -> work.apply(record)), null));
                        }
                    }
                    queue.put(end);
                } catch (IOException | RuntimeException | Error e) {
                    queue.put(new Slot<>(null, null, e));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the caller stopped the run
            }
        }, "relaybench-batch-reader");
        reading.setDaemon(true);
        reading.start();
        long received = 0;
        try {
            while (true) {
                Slot<T> slot = queue.take();
                if (slot == end) {
                    return received;
                }
                if (slot.failure() != null) {
                    throw rethrow(slot.failure());
                }
                T result;
                try {
                    result = slot.result().get();
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
                sink.accept(slot.record(), result);
                received++;
            }
        } finally {
            stop.set(true);
            reading.interrupt();
            workers.shutdownNow();
        }
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException e) {
            return e;
        }
        if (t instanceof UncheckedIOException e) {
            return e.getCause();
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
