package org.relaybench.cli.internal;

import java.util.Optional;

import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStoreFactory;

/** {@code --store URL}: which session log a command uses; without it, the default store. */
final class StoreOption {

    private StoreOption() {
    }

    /**
     * @param services where the store factory service is found
     * @param url the {@code --store} value, if given
     * @return the open store; the caller closes it
     * @throws UsageException when the URL is not a store URL
     * @throws InterruptedException when interrupted while waiting for the service
     */
    static SessionStore open(ServicesLookup services, Optional<String> url) throws UsageException, InterruptedException {
        SessionStoreFactory factory = services.get(SessionStoreFactory.class);
        try {
            return factory.open(url.orElseGet(factory::defaultUrl));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--store: " + e.getMessage());
        }
    }
}
