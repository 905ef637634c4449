package org.relaybench.core.internal.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;

/**
 * Runs diagnoses on worker threads under supervision, so that contributed code that never returns
 * cannot hold the caller. A worker diagnoses a whole list of accounts in a row (one hand-off per
 * list, not per rule: that is what keeps batch throughput high) and reports through a {@link Watch}
 * which code rule it is in. When a rule overruns its budget, the supervisor quarantines the rule,
 * abandons the worker (a daemon thread, left to finish or hang on its own) and continues with the
 * remaining accounts on a fresh worker; the account that was stuck is diagnosed again, without the
 * quarantined rule.
 */
final class Sandbox implements AutoCloseable {

    /** The work: diagnose the account at an index, reporting through the watch. */
    interface Work<T> extends BiFunction<Integer, Watch, T> {
    }

    private final ExecutorService workers;
    private final RuleRunner rules;

    Sandbox(RuleRunner rules) {
        this.rules = rules;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "relaybench-diagnosis-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newCachedThreadPool(factory);
    }

    <T> List<T> run(int size, Duration budget, Work<T> work) {
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(size);
        int next = 0;
        long poll = Math.max(1, Math.min(budget.toMillis() / 4, 50));
        while (next < size) {
            Watch watch = new Watch();
            int from = next;
            Future<?> future = workers.submit(() -> {
                for (int i = from; i < size && !watch.abandoned; i++) {
                    watch.index = i;
                    results.compareAndSet(i, null, work.apply(i, watch));
                }
            });
            next = supervise(future, watch, budget, poll, size);
        }
        @SuppressWarnings("unchecked")
        T[] array = (T[]) new Object[size];
        for (int i = 0; i < size; i++) {
            array[i] = results.get(i);
        }
        return List.of(array);
    }

    /** @return the index to continue from: the end, or the account after the one that was stuck */
    private int supervise(Future<?> future, Watch watch, Duration budget, long pollMillis, int size) {
        while (true) {
            try {
                future.get(pollMillis, TimeUnit.MILLISECONDS);
                return size;
            } catch (TimeoutException e) {
                if (watch.running(System.nanoTime()) > budget.toNanos()) {
                    watch.abandoned = true;
                    future.cancel(true);
                    rules.overran(watch.provider(), watch.rule(), budget);
                    return watch.index; // diagnosed again, now without the quarantined rule
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while diagnosing", e);
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
