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
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;

/**
 * Runs diagnoses on worker threads under supervision, so that contributed code that never returns
 * cannot hold the caller. A worker diagnoses a whole list of accounts in a row (one hand-off per
 * list, not per rule: that is what keeps batch throughput high) and reports through a {@link Watch}
 * which code rule it creates or runs. The supervisor keeps two clocks:
 * <ul>
 * <li>a code rule's budget: when creating or running a rule overruns it, the supervisor quarantines the
 * rule, abandons the worker (a daemon thread, left to finish or hang on its own) and continues with the
 * remaining accounts on a fresh worker; the account that was stuck is diagnosed again, without the
 * quarantined rule;</li>
 * <li>each account's deadline, from the moment its diagnosis first started: when it passes, the worker
 * is abandoned likewise (and the rule it was in, if any, quarantined) and the account is diagnosed again
 * as late, which the work does without contributed code. A late diagnosis that overruns the deadline
 * again fails the call: only the engine's own code runs then.</li>
 * </ul>
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

    <T> List<T> run(int size, Duration budget, Duration deadline, Work<T> work) {
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(size);
        AtomicLongArray started = new AtomicLongArray(size);
        boolean[] late = new boolean[size];
        Object run = new Object();
        int next = 0;
        long poll = Math.max(1, Math.min(Math.min(budget.toMillis(), deadline.toMillis()) / 4, 50));
        while (next < size) {
            Watch watch = new Watch(run, late);
            int from = next;
            Future<?> future = workers.submit(() -> {
                for (int i = from; i < size && !watch.abandoned; i++) {
                    watch.index = i;
                    started.compareAndSet(i, 0, System.nanoTime() | 1);
                    T result = work.apply(i, watch);
                    if (!watch.abandoned) {
                        results.compareAndSet(i, null, result);
                    }
                }
            });
            next = supervise(future, watch, budget, deadline, started, late, poll, size);
        }
        @SuppressWarnings("unchecked")
        T[] array = (T[]) new Object[size];
        for (int i = 0; i < size; i++) {
            array[i] = results.get(i);
        }
        return List.of(array);
    }

    /** @return the index to continue from: the end, or the account that was stuck, to diagnose again */
    private int supervise(Future<?> future, Watch watch, Duration budget, Duration deadline, AtomicLongArray started,
            boolean[] late, long pollMillis, int size) {
        while (true) {
            try {
                future.get(pollMillis, TimeUnit.MILLISECONDS);
                return size;
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                if (watch.running(now) > budget.toNanos()) {
                    abandon(future, watch);
                    rules.overran(watch.provider(), watch.rule(), RuleRunner.overrunMessage(watch.phase(), budget), watch);
                    return watch.index; // diagnosed again, now without the quarantined rule
                }
                int index = watch.index;
                long start = started.get(index);
                if (start != 0 && now - start > deadline.toNanos()) {
                    if (late[index]) {
                        abandon(future, watch);
                        throw new IllegalStateException("the diagnosis of account " + index
                                + " overran its deadline of " + deadline.toMillis() + " ms even without contributed code");
                    }
                    abandon(future, watch);
                    if (watch.running(now) > 0) {
                        rules.overran(watch.provider(), watch.rule(), RuleRunner.deadlineMessage(watch.phase(), deadline),
                                watch);
                    }
                    late[index] = true; // published to the next worker by the executor's hand-off
                    started.set(index, 0); // the late diagnosis has a deadline of its own
                    return index;
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

    private static void abandon(Future<?> future, Watch watch) {
        watch.abandoned = true;
        future.cancel(true);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
