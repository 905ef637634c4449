package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.util.Optional;

import org.relaybench.session.SessionLog;
import org.relaybench.session.SupportSessions;
import org.relaybench.store.SessionStores;

/** {@code --store URL}: which session log a command uses; without it, the default store. */
final class StoreOption {

    private StoreOption() {
    }

    /**
     * @param services where the session service is found
     * @param url the {@code --store} value, if given
     * @param err where to warn about a password in the URL
     * @return the open log; the caller closes it
     * @throws UsageException when the URL is not a store URL
     * @throws InterruptedException when interrupted while waiting for the service
     */
    static SessionLog open(ServicesLookup services, Optional<String> url, PrintStream err)
            throws UsageException, InterruptedException {
        if (url.isPresent() && SessionStores.carriesPassword(url.get())) {
            err.println("relaybench: warning: the --store URL carries a password, which other users can see in the"
                    + " process list; give it in " + SessionStores.PASSWORD_VARIABLE + ", in a file named by "
                    + SessionStores.PASSWORD_FILE_VARIABLE + ", or in ~/.pgpass");
        }
        SupportSessions sessions = services.get(SupportSessions.class);
        try {
            return sessions.openLog(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--store: " + e.getMessage());
        }
    }
}
