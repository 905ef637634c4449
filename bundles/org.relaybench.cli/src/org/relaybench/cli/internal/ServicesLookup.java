package org.relaybench.cli.internal;

/** Looks up a service for a command; {@link Services} in the product, a fixed object in tests. */
@FunctionalInterface
public interface ServicesLookup {

    /**
     * @param <T> the service type
     * @param type the service interface
     * @return the service
     * @throws InterruptedException when interrupted while waiting for it
     */
    <T> T get(Class<T> type) throws InterruptedException;
}
