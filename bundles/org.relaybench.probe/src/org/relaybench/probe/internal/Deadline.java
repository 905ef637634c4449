package org.relaybench.probe.internal;

import java.time.Duration;

/**
 * A point in time on the monotonic clock. A probe has one for the whole probe and one per stage; a
 * blocking operation waits at most until the earlier of the two ({@link #earlier(Deadline)}).
 */
public final class Deadline {

    private final long end;

    private Deadline(long end) {
        this.end = end;
    }

    /**
     * @param d from now
     * @return the deadline
     */
    public static Deadline in(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos());
    }

    /**
     * @param other another deadline
     * @return the one that comes first
     */
    public Deadline earlier(Deadline other) {
        return end - other.end <= 0 ? this : other;
    }

    /** @return whether it has passed */
    public boolean passed() {
        return System.nanoTime() - end >= 0;
    }

    /** @return milliseconds left, at least 1 so that a socket timeout of 0 (for ever) is never set */
    public int millisLeft() {
        long left = (end - System.nanoTime()) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
    }

    /** @return nanoseconds left, possibly negative */
    public long nanosLeft() {
        return end - System.nanoTime();
    }
}
