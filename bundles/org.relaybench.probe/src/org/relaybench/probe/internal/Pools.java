package org.relaybench.probe.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools of the probe components: daemon threads with names, idle ones ending after a minute. */
final class Pools {

    private Pools() {
    }

    /**
     * A pool for blocking calls that have no timeout of their own (name lookups, Jakarta Mail's
     * connect): the caller waits on the future with its deadline; a call that overruns finishes on its
     * thread later and its result is dropped.
     *
     * @param name thread name prefix
     * @return the pool
     */
    static ExecutorService blocking(String name) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
