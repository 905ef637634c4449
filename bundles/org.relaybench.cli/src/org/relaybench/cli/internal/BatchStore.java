package org.relaybench.cli.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.relaybench.session.BulkOpening;
import org.relaybench.session.SessionLog;
import org.relaybench.session.SessionOpening;
import org.relaybench.session.batch.BatchRecord;
import org.relaybench.session.batch.BatchResult;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionSummary;
import org.relaybench.store.StoreException;

/**
 * {@code batch --store URL}: every diagnosed record is logged as a support session with its
 * diagnosis (customer its id or else its email, ticket {@code FILE:LINE}), in bulk: chunks of
 * {@value #CHUNK} sessions, one transaction each, written by {@value #WRITERS} threads of their own
 * while the next records are diagnosed.
 * <p>
 * Order: the workers give each record its session id ({@link #session}), made without asking the
 * database, so that it can be written into the record's result; the writing thread hands results to
 * {@link #write} in input order. A result that names a session waits here until that session's
 * chunk is committed, so no result ever names a session that is not in the store; results of other
 * records wait their turn behind it. {@link #flush()} commits what is waiting and writes it out: the
 * run calls it before each checkpoint, so a checkpoint covers only records whose sessions are stored.
 * <p>
 * Resume: a run killed after a chunk committed and before the next checkpoint has logged records
 * past its checkpoint (at most a checkpoint's worth). A resumed run looks each record of that stretch
 * up by its ticket first, and reuses the session found instead of logging it twice. A chunk that
 * fails stops the run (exit 3): nothing of it is stored, none of its results is written, and
 * {@code --resume} continues from the last checkpoint.
 */
final class BatchStore implements AutoCloseable {

    /** Sessions per transaction. */
    static final int CHUNK = 500;
    /**
     * Transactions at once, each on a connection of its own: the database works on one while the
     * next is sent, and a database with several cores works on them side by side.
     */
    private static final int WRITERS = 2;
    /** Chunks handed over at most; the writing thread waits for the oldest beyond that. */
    private static final int IN_FLIGHT = WRITERS + 1;

    /** What the workers decided for one record. */
    record Session(Optional<String> id, Optional<BulkOpening> toLog) {
        static final Session NONE = new Session(Optional.empty(), Optional.empty());
    }

    /** Where results go once they may. */
    @FunctionalInterface
    interface Lines {
        void write(byte[] line) throws IOException;
    }

    /** Results and sessions of one transaction; {@code done} set once it is handed to the database. */
    private static final class Chunk {
        final List<byte[]> lines = new ArrayList<>();
        final List<BulkOpening> sessions = new ArrayList<>();
        long firstLine = -1;
        Future<?> done;
    }

    private final SessionLog log;
    private final String agent;
    private final String source;
    private volatile long dedupFrom = Long.MAX_VALUE;
    private volatile long dedupTo = Long.MIN_VALUE;
    private final ExecutorService writer;
    // the writing thread's alone:
    private final Deque<Chunk> pending = new ArrayDeque<>();
    private Chunk current = new Chunk();
    private long logged;

    private BatchStore(SessionLog log, String agent, String source) {
        this.log = log;
        this.agent = agent;
        this.source = source;
        this.writer = log == null ? null : Executors.newFixedThreadPool(WRITERS, r -> {
            Thread t = new Thread(r, "relaybench-batch-store");
            t.setDaemon(true);
            return t;
        });
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
     * @param resumed whether the run resumes one that may have logged records past its checkpoint, or
     *        before its first one
     * @param window how many records past the checkpoint it may have logged
     */
    void resumeAfter(long skip, boolean resumed, long window) {
        if (resumed && log != null) {
            dedupFrom = skip;
            dedupTo = skip + window;
        }
    }

    /**
     * Called by the workers: the session a record is (or was, before a resume) logged as.
     *
     * @return the session's id and what to log; none without store or for a record without diagnosis
     * @throws StoreException when looking up a record of a resumed run fails
     */
    Session session(BatchRecord record, BatchResult result) {
        if (log == null || result.diagnosis().isEmpty()) {
            return Session.NONE;
        }
        String ticket = source + ":" + record.line();
        String customer = result.id().isEmpty() ? result.diagnosis().get().diagnosis().account().email() : result.id();
        if (record.ordinal() >= dedupFrom && record.ordinal() < dedupTo) {
            Optional<String> logged = log.search(SessionQuery.all().withTicket(ticket)).sessions().stream()
                    .filter(s -> s.customer().equals(customer)).map(SessionSummary::id).findFirst();
            if (logged.isPresent()) {
                return new Session(logged, Optional.empty());
            }
        }
        String id = log.newSessionId();
        return new Session(Optional.of(id), Optional.of(new BulkOpening(id, new SessionOpening(agent, customer, ticket),
                result.diagnosis().get().diagnosis().account(), result.diagnosis())));
    }

    /**
     * Called by the writing thread, in input order: writes the result now, or once the sessions
     * before it and its own are committed.
     *
     * @param line the record's result, encoded
     * @param record the record
     * @param session what {@link #session} said for it
     * @param out where results go
     * @throws IOException when a result cannot be written
     * @throws StoreException when a chunk failed; the run stops
     */
    void write(byte[] line, BatchRecord record, Session session, Lines out) throws IOException {
        if (pending.isEmpty() && current.lines.isEmpty() && session.toLog().isEmpty()) {
            out.write(line); // nothing waits before it
            return;
        }
        if (current.firstLine < 0) {
            current.firstLine = record.line();
        }
        current.lines.add(line);
        session.toLog().ifPresent(current.sessions::add);
        if (current.sessions.size() >= CHUNK) {
            submit(out);
        }
        while (!pending.isEmpty() && pending.peekFirst().done.isDone()) {
            finish(pending.pollFirst(), out);
        }
    }

    /**
     * Commits every session handed over and writes the results waiting for them.
     *
     * @param out where results go
     * @throws StoreException when a chunk failed
     */
    void flush(Lines out) throws IOException {
        if (!current.lines.isEmpty()) {
            submit(out);
        }
        while (!pending.isEmpty()) {
            finish(pending.pollFirst(), out);
        }
    }

    private void submit(Lines out) throws IOException {
        while (pending.size() >= IN_FLIGHT) {
            finish(pending.pollFirst(), out);
        }
        Chunk chunk = current;
        current = new Chunk();
        List<BulkOpening> sessions = List.copyOf(chunk.sessions);
        chunk.done = sessions.isEmpty() ? CompletableFuture.completedFuture(null)
                : writer.submit(() -> log.openAll(sessions));
        pending.addLast(chunk);
    }

    private void finish(Chunk chunk, Lines out) throws IOException {
        try {
            chunk.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while logging sessions in " + log.description());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new StoreException("logging " + chunk.sessions.size() + " sessions (from line " + chunk.firstLine
                    + " on) in " + log.description() + " failed, so none of them was logged and the run stopped before their"
                    + " results; --resume continues after the last checkpoint: " + cause.getMessage(), cause);
        }
        for (byte[] line : chunk.lines) {
            out.write(line);
        }
        logged += chunk.sessions.size();
    }

    /** @return sessions committed by this run */
    long logged() {
        return logged;
    }

    /** @return whether sessions are logged (a store was given) */
    boolean logging() {
        return log != null;
    }

    String description() {
        return log == null ? "" : log.description();
    }

    /**
     * Waits for a chunk still committing (a run stopped by a failure elsewhere): it commits or rolls
     * back whole either way, and its records lie past the last checkpoint, where a resumed run looks
     * them up.
     */
    @Override
    public void close() throws InterruptedException {
        if (writer != null) {
            writer.shutdown();
            try {
                writer.awaitTermination(5, TimeUnit.MINUTES);
            } finally {
                log.close();
            }
        }
    }
}
