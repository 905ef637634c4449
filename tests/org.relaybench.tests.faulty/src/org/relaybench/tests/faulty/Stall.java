package org.relaybench.tests.faulty;

/** Blocks the calling thread, ignoring interruption, as stuck contributed code does. */
final class Stall {

    /** How long a stall lasts: far beyond any budget, but short enough not to hold a test JVM forever. */
    static final long SECONDS = 60;

    private Stall() {
    }

    static void stall() {
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                // deliberately ignored: the engine must cope with code that does not stop
            }
        }
    }
}
