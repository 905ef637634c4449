package org.relaybench.testing;

import java.time.Duration;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Finds Relaybench's OSGi services from a test. Declarative Services components start
 * asynchronously with the framework, so a lookup waits up to {@link #WAIT} for the service.
 *
 * @since 0.1
 */
public final class RelaybenchServices {

    /** How long a lookup waits for a service to appear. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private RelaybenchServices() {
    }

    /**
     * @param <T> the service type
     * @param caller a class of the test bundle, whose bundle context looks the service up
     * @param type the service interface, e.g. {@code ProviderCatalog.class}
     * @return the service
     * @throws AssertionError when it does not appear in time
     * @throws InterruptedException when interrupted while waiting
     */
    public static <T> T get(Class<?> caller, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(caller), type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(WAIT.toMillis());
            if (service == null) {
                throw new AssertionError(type.getName() + " did not appear within " + WAIT.toSeconds()
                        + " s: are org.relaybench.core and org.apache.felix.scr in the test runtime?");
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    /** The caller's bundle context, or this bundle's when the caller's bundle is not started. */
    private static BundleContext context(Class<?> caller) {
        Bundle bundle = FrameworkUtil.getBundle(caller);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            context = FrameworkUtil.getBundle(RelaybenchServices.class).getBundleContext();
        }
        if (context == null) {
            throw new AssertionError("not running in an OSGi framework: run the test with Tycho Surefire or PDE");
        }
        return context;
    }
}
