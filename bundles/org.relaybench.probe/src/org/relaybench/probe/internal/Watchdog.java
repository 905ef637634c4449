package org.relaybench.probe.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The backstop of every deadline. Reads already wait no longer than their deadline (socket timeouts),
 * but a TLS handshake that trickles, a write the peer never drains or a library that blocks cannot be
 * bounded that way: the watchdog closes the connection when the probe's deadline passes, which makes
 * whatever blocks on it fail at once. One daemon thread serves all probes of a component; tasks are
 * removed when cancelled, so finished probes leave nothing behind.
 */
public final class Watchdog implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer;

    /** @param name the thread's name */
    public Watchdog(String name) {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * @param target what to close
     * @param deadline when
     * @return cancel it when the work ended in time
     */
    public ScheduledFuture<?> closeAt(Closeable target, Deadline deadline) {
        return timer.schedule(() -> {
            try {
                target.close();
            } catch (IOException e) {
                // closing is all we want; a failure to close means it was closed already
            }
        }, Math.max(0, deadline.nanosLeft()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
