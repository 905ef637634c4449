package org.relaybench.core.tests;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Test helpers for the real OSGi runtime the tests run in. */
final class Osgi {

    private Osgi() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Osgi.class).getBundleContext();
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        T service = tracker.waitForService(Duration.ofSeconds(20).toMillis());
        if (service == null) {
            throw new AssertionError("service " + type.getName() + " did not appear within 20 s");
        }
        return service;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after 20 s waiting for: " + what);
            }
            Thread.sleep(25);
        }
    }
}
