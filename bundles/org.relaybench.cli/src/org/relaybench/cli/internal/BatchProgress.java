package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code relaybench batch}'s progress on standard error: on a terminal a bar redrawn in place with
 * the rate and the time left (from the share of the input read), elsewhere (a log, a CI job) a plain
 * line every ten seconds. Called by the one thread that receives the results.
 */
final class BatchProgress {

    private static final long TERMINAL_NANOS = 200_000_000L;
    private static final long PLAIN_NANOS = 10_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private long last = start;
    private boolean drawn;

    /**
     * @param err standard error
     * @param terminal whether it is a terminal
     * @param totalBytes the input's size, or -1 when not known (standard input)
     */
    BatchProgress(PrintStream err, boolean terminal, long totalBytes) {
        this.err = err;
        this.terminal = terminal;
        this.totalBytes = totalBytes;
    }

    /** One more result; prints when it is time. */
    void tick(long records, long bytesRead) {
        long now = System.nanoTime();
        if (now - last < (terminal ? TERMINAL_NANOS : PLAIN_NANOS)) {
            return;
        }
        last = now;
        print(records, bytesRead, now, false);
    }

    /** The run ended: the last state, and a line break after a bar. */
    void done(long records, long bytesRead) {
        if (drawn) {
            print(records, bytesRead, System.nanoTime(), true);
        }
    }

    private void print(long records, long bytesRead, long now, boolean end) {
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double rate = records / seconds;
        String eta = "";
        double share = totalBytes > 0 ? Math.min(1, (double) bytesRead / totalBytes) : -1;
        if (share > 0 && share < 1 && !end) {
            eta = ", ETA " + duration((long) (seconds * (1 - share) / share));
        }
        if (terminal) {
            StringBuilder bar = new StringBuilder("\r[");
            int filled = share < 0 ? 0 : (int) Math.round(share * WIDTH);
            for (int i = 0; i < WIDTH; i++) {
                bar.append(i < filled ? '#' : share < 0 ? '?' : '.');
            }
            bar.append(String.format(Locale.ROOT, "] %,d records, %,.0f/s, %s%s   ", records, rate,
                    duration((long) seconds), eta));
            err.print(bar);
            if (end) {
                err.println();
            }
            drawn = true;
        } else {
            err.println(String.format(Locale.ROOT, "relaybench batch: %,d records in %s, %,.0f/s%s%s", records,
                    duration((long) seconds), rate, share < 0 ? "" : String.format(Locale.ROOT, ", %.0f%% read", share * 100),
                    eta));
        }
        err.flush();
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}
