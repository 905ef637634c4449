package org.relaybench.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Finds the OSGi services the commands use. Declarative Services components start asynchronously
 * with the framework, so a lookup waits a bounded time for the service to appear.
 */
public final class Services implements ServicesLookup, AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BundleContext context;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    /**
     * @param context the CLI bundle's context
     */
    public Services(BundleContext context) {
        this.context = context;
    }

    /**
     * @param <T> the service type
     * @param type the service interface
     * @return the service
     * @throws IllegalStateException when it does not appear in time
     * @throws InterruptedException when interrupted while waiting
     */
    @Override
    public <T> T get(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        T service = tracker.waitForService(WAIT.toMillis());
        if (service == null) {
            throw new IllegalStateException("service " + type.getName() + " is not available after "
                    + WAIT.toSeconds() + " s; is the bundle that provides it installed and resolved?");
        }
        return service;
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
    }
}
