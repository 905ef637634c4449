package org.relaybench.tests.common;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The services of the real OSGi runtime a test runs in, found as the product finds them: through the
 * service registry, where Declarative Services put them.
 *
 * <p>One tracker per service type stays open for the whole run. Closing it would unget the service,
 * and Declarative Services may then deactivate a delayed component while a test still holds it.
 */
public final class OsgiServices {

    /** How long {@link #service(Class)} waits for a service to appear. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Map<Class<?>, ServiceTracker<?, ?>> TRACKERS = new ConcurrentHashMap<>();

    private OsgiServices() {
    }

    /** @return the bundle context of this bundle, for installing bundles and reading the registry */
    public static BundleContext context() {
        BundleContext context = FrameworkUtil.getBundle(OsgiServices.class).getBundleContext();
        if (context == null) {
            throw new AssertionError("org.relaybench.tests.common is not started: no OSGi runtime?");
        }
        return context;
    }

    /**
     * @param <T> the service type
     * @param type the service interface
     * @return the service, waiting up to {@link #TIMEOUT} for it
     * @throws InterruptedException when interrupted while waiting
     * @throws AssertionError when no such service appears in time
     */
    public static <T> T service(Class<T> type) throws InterruptedException {
        return service(type, TIMEOUT);
    }

    /**
     * @param <T> the service type
     * @param type the service interface
     * @param timeout how long to wait for it
     * @return the service
     * @throws InterruptedException when interrupted while waiting
     * @throws AssertionError when no such service appears in time
     */
    public static <T> T service(Class<T> type, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(type, "type");
        @SuppressWarnings("unchecked")
        ServiceTracker<T, T> tracker = (ServiceTracker<T, T>) TRACKERS.computeIfAbsent(type, t -> {
            ServiceTracker<T, T> created = new ServiceTracker<>(context(), type, null);
            created.open();
            return created;
        });
        T service = tracker.waitForService(timeout.toMillis());
        if (service == null) {
            throw new AssertionError("service " + type.getName() + " did not appear within " + timeout.toSeconds() + " s");
        }
        return service;
    }
}
