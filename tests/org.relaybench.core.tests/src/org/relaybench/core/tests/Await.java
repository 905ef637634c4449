package org.relaybench.core.tests;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what the framework and the catalog do on their own threads. */
final class Await {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Await() {
    }

    /**
     * Polls a condition until it holds; the catalog gives no other signal a test could wait on here.
     *
     * @param what the condition, for the message
     * @param condition the condition
     * @throws AssertionError when it does not hold within 20 s
     */
    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting for: " + what);
            }
            Thread.sleep(25);
        }
    }
}
