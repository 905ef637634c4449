package org.relaybench.session.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a batch streaming: one thread reads records, a pool of workers processes them in parallel, and
 * the caller's thread receives the results <em>in input order</em>.
 * <p>
 * Order and memory: every record read is queued for the caller in a queue of {@code window} places,
 * and for the workers in a second queue; the caller takes the oldest and waits for its result. The
 * reader blocks when the queue is full, so at most {@code window + 2} records are held at any time,
 * whatever the input's size, and a slow record delays output but never reorders it.
 * <p>
 * Chunks: a worker takes the oldest record waiting and, with it, up to {@code chunk - 1} more that are
 * already waiting, and processes them in one call: what costs per call (a hand-off to the engine's
 * supervised threads, a look at the provider catalog) is paid once per chunk. A worker never waits for
 * a chunk to fill, so records that trickle in (standard input) are processed as they come.
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

    /** A record read, and what became of it once a worker is done (or why the reading ended). */
    private record Slot<T>(BatchRecord record, CompletableFuture<T> result, Throwable failure) {
    }

    private BatchPipeline() {
    }

    /**
     * Processes the records one at a time: {@link #run(BatchReader, Predicate, Function, int, Sink, int, int)}
     * with chunks of one.
     *
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
        Objects.requireNonNull(work, "work");
        return run(reader, include, records -> List.of(work.apply(records.get(0))), 1, sink, threads, window);
    }

    /**
     * @param <T> what the work makes of a record
     * @param reader the input; read on a thread of its own, not closed here
     * @param include which records to process (a shard, those not yet done); the others are skipped
     * @param work what to do with a chunk of records (one to {@code chunk}, in input order): one result
     *        per record, in the same order; runs on the workers, must be thread-safe and should not
     *        throw (turn a record's failure into its result)
     * @param chunk how many records a worker takes at most at once
     * @param sink receives the results in input order
     * @param threads how many workers
     * @param window how many records may be read ahead of the oldest not yet received
     * @return how many records the sink received
     * @throws IOException when the input cannot be read or the sink fails
     * @throws InterruptedException when interrupted
     * @since 0.1
     */
    public static <T> long run(BatchReader reader, Predicate<BatchRecord> include,
            Function<List<BatchRecord>, List<T>> work, int chunk, Sink<T> sink, int threads, int window)
            throws IOException, InterruptedException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(work, "work");
        if (threads < 1 || window < 1 || chunk < 1) {
            throw new IllegalArgumentException(
                    "threads, window and chunk must be positive: " + threads + ", " + window + ", " + chunk);
        }
        BlockingQueue<Slot<T>> queue = new ArrayBlockingQueue<>(window);
        // never fuller than the queue: a record enters it after entering the queue
        BlockingQueue<Slot<T>> todo = new ArrayBlockingQueue<>(window);
        AtomicInteger count = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "relaybench-batch-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads; i++) {
            workers.execute(() -> work(todo, work, chunk));
        }
        AtomicBoolean stop = new AtomicBoolean();
        Slot<T> end = new Slot<>(null, null, null);
        Thread reading = new Thread(() -> {
            try {
                try {
                    for (Optional<BatchRecord> r = reader.next(); r.isPresent() && !stop.get(); r = reader.next()) {
                        BatchRecord record = r.get();
                        if (include.test(record)) {
                            Slot<T> slot = new Slot<>(record, new CompletableFuture<>(), null);
                            queue.put(slot);
                            todo.put(slot);
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

    /** A worker: takes the oldest record waiting and those waiting behind it, until interrupted. */
    private static <T> void work(BlockingQueue<Slot<T>> todo, Function<List<BatchRecord>, List<T>> work, int chunk) {
        List<Slot<T>> taken = new ArrayList<>(chunk);
        List<BatchRecord> records = new ArrayList<>(chunk);
        try {
            while (true) {
                taken.clear();
                records.clear();
                taken.add(todo.take());
                todo.drainTo(taken, chunk - 1);
                for (Slot<T> slot : taken) {
                    records.add(slot.record());
                }
                List<T> results;
                try {
                    results = work.apply(List.copyOf(records));
                    if (results.size() != taken.size()) {
                        throw new IllegalStateException(
                                "the work returned " + results.size() + " results for " + taken.size() + " records");
                    }
                } catch (RuntimeException | Error e) {
                    taken.forEach(slot -> slot.result().completeExceptionally(e));
                    if (e instanceof Error error) {
                        throw error;
                    }
                    continue;
                }
                for (int i = 0; i < taken.size(); i++) {
                    taken.get(i).result().complete(results.get(i));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the run ended
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
