package org.relaybench.cli.internal;

import java.util.Optional;
import java.util.Set;

import org.relaybench.session.DiagnosisResult;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SessionOpening;

/**
 * {@code diagnose --store URL --customer NAME --ticket REF [--agent NAME]}: the options that log a
 * diagnosis as a new support session (with its probe, in one transaction, by the session service).
 * With {@code --customer} or {@code --ticket} but no {@code --store}, the default store is used.
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
     * Opens a session for the diagnosed account with its diagnosis and probe.
     *
     * @return where it was logged
     */
    static Logged log(ServicesLookup services, Arguments a, DiagnosisResult result, java.io.PrintStream err)
            throws UsageException, InterruptedException {
        SessionOpening opening = new SessionOpening(a.value("agent").orElseGet(() -> System.getProperty("user.name", "")),
                a.value("customer").orElse(""), a.value("ticket").orElse(""));
        try (SessionLog log = StoreOption.open(services, a.value("store"), err)) {
            String id = log.open(opening, result.diagnosis().account(), Optional.of(result));
            return new Logged(id, log.description());
        }
    }
}
