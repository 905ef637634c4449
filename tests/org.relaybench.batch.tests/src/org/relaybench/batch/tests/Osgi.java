package org.relaybench.batch.tests;

import java.time.Duration;

import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The OSGi services of the test runtime. */
final class Osgi {

    private Osgi() {
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(Osgi.class).getBundleContext(), type,
                null);
        tracker.open();
        T service = tracker.waitForService(Duration.ofSeconds(20).toMillis());
        if (service == null) {
            throw new AssertionError("service " + type.getName() + " did not appear within 20 s");
        }
        return service;
    }
}
