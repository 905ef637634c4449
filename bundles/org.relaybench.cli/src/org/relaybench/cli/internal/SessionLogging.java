package org.relaybench.cli.internal;

import java.time.Instant;
import java.util.Set;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.store.NewSession;
import org.relaybench.store.SessionStore;

/**
 * {@code diagnose --store URL --customer NAME --ticket REF [--agent NAME]}: logs a diagnosis as a new
 * support session. With {@code --customer} or {@code --ticket} but no {@code --store}, the default
 * store is used. The account logged is the core model's, which holds no password.
 */
final class SessionLogging {

    /** The options this adds to {@code diagnose}. */
    static final Set<String> VALUED = Set.of("store", "customer", "ticket", "agent");

    /** Where a diagnosis was logged. */
    record Logged(String sessionId, String store) {
    }

    private SessionLogging() {
    }

    /** @return whether the options ask for the diagnosis to be logged */
    static boolean requested(Arguments a) {
        return a.value("store").isPresent() || a.value("customer").isPresent() || a.value("ticket").isPresent();
    }

    /** Checks the options before anything runs, so that a usage error does not come after the work. */
    static void check(Arguments a) throws UsageException {
        if (requested(a) && a.value("customer").isEmpty() && a.value("ticket").isEmpty()) {
            throw new UsageException("--store needs --customer NAME or --ticket REF to open a session");
        }
        if (!requested(a) && a.value("agent").isPresent()) {
            throw new UsageException("--agent names who logs a session: give --customer or --ticket too");
        }
    }

    /**
     * Opens a session for the account and records the diagnosis in it.
     *
     * @return where it was logged
     */
    static Logged log(ServicesLookup services, Arguments a, AccountProfile account, Diagnosis d)
            throws UsageException, InterruptedException {
        String agent = a.value("agent").orElseGet(() -> System.getProperty("user.name", ""));
        String customer = a.value("customer").orElse("");
        String ticket = a.value("ticket").orElse("");
        try (SessionStore store = StoreOption.open(services, a.value("store"))) {
            String id = store.open(NewSession.now(agent, customer, ticket, account));
            store.recordDiagnosis(id, agent, new DiagnosisRecord(Instant.now(),
                    d.provider().map(ProviderDescriptor::id), d.provider().map(ProviderDescriptor::name),
                    d.findings(), d.errors()));
            return new Logged(id, store.description());
        }
    }
}
