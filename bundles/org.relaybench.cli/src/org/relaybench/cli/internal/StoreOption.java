package org.relaybench.cli.internal;

import java.util.Optional;

import org.relaybench.session.SessionLog;
import org.relaybench.session.SupportSessions;

/** {@code --store URL}: which session log a command uses; without it, the default store. */
final class StoreOption {

    private StoreOption() {
    }

    /**
     * @param services where the session service is found
     * @param url the {@code --store} value, if given
     * @return the open log; the caller closes it
     * @throws UsageException when the URL is not a store URL
     * @throws InterruptedException when interrupted while waiting for the service
     */
    static SessionLog open(ServicesLookup services, Optional<String> url) throws UsageException, InterruptedException {
        SupportSessions sessions = services.get(SupportSessions.class);
        try {
            return sessions.openLog(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--store: " + e.getMessage());
        }
    }
}
