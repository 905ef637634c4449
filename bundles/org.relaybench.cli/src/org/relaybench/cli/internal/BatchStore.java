package org.relaybench.cli.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.relaybench.session.SessionLog;
import org.relaybench.session.SessionOpening;
import org.relaybench.session.batch.BatchRecord;
import org.relaybench.session.batch.BatchResult;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionSummary;
import org.relaybench.store.StoreException;

/**
 * {@code batch --store URL}: every diagnosed record is logged as a support session with its
 * diagnosis (one transaction each, by the session service), customer its id or else its email, ticket
 * {@code FILE:LINE}. Called by the workers; thread-safe.
 * <p>
 * Resume: records are logged before their result is written, so a run killed after logging a record
 * and before its checkpoint logged it already. A resumed run therefore looks each record of the first
 * stretch after its checkpoint up by its ticket first and does not log it twice.
 */
final class BatchStore implements AutoCloseable {

    private final SessionLog log;
    private final String agent;
    private final String source;
    private volatile long dedupFrom = Long.MAX_VALUE;
    private volatile long dedupTo = Long.MIN_VALUE;
    private final AtomicLong failures = new AtomicLong();
    private volatile String firstFailure = "";

    private BatchStore(SessionLog log, String agent, String source) {
        this.log = log;
        this.agent = agent;
        this.source = source;
    }

    static BatchStore open(ServicesLookup services, Arguments a, String input, java.io.PrintStream err)
            throws UsageException, InterruptedException {
        if (a.value("store").isEmpty()) {
            return new BatchStore(null, "", "");
        }
        String source = input.equals("-") ? "stdin" : Path.of(input).getFileName().toString();
        return new BatchStore(StoreOption.open(services, a.value("store"), err),
                a.value("agent").orElseGet(() -> System.getProperty("user.name", "")), source);
    }

    /**
     * @param skip the first record of a resumed run
     * @param resumed whether the run resumes one that may have logged records past its checkpoint
     * @param window how many records past the checkpoint it may have logged
     */
    void resumeAfter(long skip, boolean resumed, long window) {
        if (resumed && log != null) {
            dedupFrom = skip;
            dedupTo = skip + window;
        }
    }

    /** @return the session the record was logged as; empty without store, for a record without diagnosis, or on failure */
    Optional<String> log(BatchRecord record, BatchResult result) {
        if (log == null || result.diagnosis().isEmpty()) {
            return Optional.empty();
        }
        String ticket = source + ":" + record.line();
        String customer = result.id().isEmpty() ? result.diagnosis().get().diagnosis().account().email() : result.id();
        try {
            if (record.ordinal() >= dedupFrom && record.ordinal() < dedupTo) {
                Optional<String> logged = log.search(SessionQuery.all().withTicket(ticket)).sessions().stream()
                        .filter(s -> s.customer().equals(customer)).map(SessionSummary::id).findFirst();
                if (logged.isPresent()) {
                    return logged;
                }
            }
            return Optional.of(log.open(new SessionOpening(agent, customer, ticket), result.diagnosis().get().diagnosis()
                    .account(), result.diagnosis()));
        } catch (StoreException | IllegalArgumentException e) {
            if (failures.getAndIncrement() == 0) {
                firstFailure = e.getMessage();
            }
            return Optional.empty();
        }
    }

    long failures() {
        return failures.get();
    }

    String firstFailure() {
        return firstFailure;
    }

    String description() {
        return log == null ? "" : log.description();
    }

    @Override
    public void close() {
        if (log != null) {
            log.close();
        }
    }
}
