package org.relaybench.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.Finding;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;
import org.relaybench.store.BulkSession;
import org.relaybench.store.NewSession;
import org.relaybench.store.ProcedureOutcomes;
import org.relaybench.store.SessionPage;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStatistics;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionSummary;
import org.relaybench.store.StoreException;

import com.google.gson.JsonObject;

/**
 * The session store on JDBC: H2 embedded or PostgreSQL shared, one schema (see
 * {@code db/changelog.sql}).
 * <p>
 * Transactions: every change is one transaction that appends the change to {@code rb_event} and
 * updates the summary and index rows derived from it; it commits whole or rolls back whole, so a
 * process killed mid-write leaves the store as it was before that change. Concurrency: a change
 * first increments the session's {@code last_seq} in its summary row, which locks that row until
 * commit; a second writer to the same session (thread or process) waits there and then takes the next
 * number. The primary key {@code (session_id, seq)} refuses a duplicate number outright; should two
 * writers still collide (a deadlock, a serialization failure), the loser's transaction is rolled back
 * and retried, never written over the winner's.
 */
public final class JdbcSessionStore implements SessionStore {

    private static final int ATTEMPTS = 8;

    /** H2's error code for a database file locked by another process that does not serve it. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final StoreDatabase db;

    private JdbcSessionStore(StoreDatabase db) {
        this.db = db;
    }

    /**
     * Opens a store and brings its schema up to date.
     *
     * @param jdbcUrl {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
     * @return the store
     */
    public static JdbcSessionStore open(String jdbcUrl) {
        StoreDatabase db = StoreDatabase.of(jdbcUrl);
        JdbcSessionStore store = new JdbcSessionStore(db);
        boolean embedded = db.kind() == StoreDatabase.Kind.H2 && !jdbcUrl.matches("(?i)jdbc:h2:(tcp|ssl):.*");
        try {
            store.transaction("opening the store", c -> {
                Migrations.migrate(c, db.kind(), embedded);
                return null;
            });
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return store;
    }

    @Override
    public String open(NewSession session) {
        return open(session, List.of(), Optional.empty());
    }

    @Override
    public String open(NewSession session, List<ProbeRecord> probes, Optional<DiagnosisRecord> diagnosis) {
        Objects.requireNonNull(session, "session");
        List<ProbeRecord> probeList = List.copyOf(probes);
        Objects.requireNonNull(diagnosis, "diagnosis");
        String id = Ids.next();
        JsonObject p = BulkWriter.opening(session);
        Instant at = Times.millis(session.at());
        // The session and its first probes and diagnosis are one transaction: a failure anywhere leaves
        // no session behind, never one without the diagnosis it was opened for.
        transaction("opening a session", c -> {
            SummaryWriter.insertSession(c, id, at, session.agent(), session.customer(), session.ticket(),
                    session.account());
            insertEvent(c, id, 1, at, session.agent(), EventKind.OPENED, p);
            List<String> texts = new ArrayList<>(List.of(session.customer(), session.ticket(), session.agent()));
            texts.addAll(AccountCodec.searchable(session.account()));
            SummaryWriter.tokens(c, id, at, texts);
            for (ProbeRecord probe : probeList) {
                appendIn(c, id, session.agent(), Times.millis(Instant.now()), EventKind.PROBED, RecordCodec.write(probe),
                        probeDerived(id, probe));
            }
            if (diagnosis.isPresent()) {
                appendIn(c, id, session.agent(), Times.millis(Instant.now()), EventKind.DIAGNOSED,
                        RecordCodec.write(diagnosis.get()), diagnosisDerived(id, diagnosis.get()));
            }
            return null;
        });
        return id;
    }

    @Override
    public String newId() {
        return Ids.next();
    }

    @Override
    public void openAll(List<BulkSession> sessions) {
        List<BulkSession> all = List.copyOf(sessions);
        if (all.isEmpty()) {
            return;
        }
        // One transaction for all of them; a taken id is the caller's mistake, not a concurrent
        // writer's, so unlike the other changes a unique-key violation is not retried.
        transaction("opening " + all.size() + " sessions", true, false, c -> {
            BulkWriter.write(c, db.kind(), all, Instant.now());
            return null;
        });
    }

    @Override
    public AuditEntry recordDiagnosis(String sessionId, String agent, DiagnosisRecord diagnosis) {
        return append(sessionId, agent, EventKind.DIAGNOSED, RecordCodec.write(diagnosis),
                diagnosisDerived(sessionId, diagnosis));
    }

    @Override
    public AuditEntry recordDiagnosis(String sessionId, String agent, List<ProbeRecord> probes,
            DiagnosisRecord diagnosis) {
        Objects.requireNonNull(sessionId, "sessionId");
        List<ProbeRecord> probeList = List.copyOf(probes);
        JsonObject payload = RecordCodec.write(diagnosis);
        String who = agent == null ? "" : agent.trim();
        return transaction("recording a diagnosis", c -> {
            for (ProbeRecord probe : probeList) {
                appendIn(c, sessionId, who, Times.millis(Instant.now()), EventKind.PROBED, RecordCodec.write(probe),
                        probeDerived(sessionId, probe));
            }
            return appendIn(c, sessionId, who, Times.millis(Instant.now()), EventKind.DIAGNOSED, payload,
                    diagnosisDerived(sessionId, diagnosis));
        });
    }

    private static Derived diagnosisDerived(String sessionId, DiagnosisRecord diagnosis) {
        return (c, opened) -> {
            String top = diagnosis.findings().isEmpty() ? "" : diagnosis.findings().get(0).code();
            SummaryWriter.diagnosed(c, sessionId, diagnosis.providerId().orElse(""), top);
            SummaryWriter.causes(c, sessionId, opened, diagnosis.findings().stream().map(Finding::code).toList());
            List<String> texts = new ArrayList<>();
            diagnosis.providerId().ifPresent(texts::add);
            diagnosis.providerName().ifPresent(texts::add);
            for (Finding f : diagnosis.findings()) {
                texts.add(f.code());
                texts.add(f.title());
            }
            SummaryWriter.tokens(c, sessionId, opened, texts);
        };
    }

    private static Derived probeDerived(String sessionId, ProbeRecord probe) {
        return (c, opened) -> {
            SummaryWriter.probed(c, sessionId);
            SummaryWriter.tokens(c, sessionId, opened, List.of(probe.host(), probe.code().orElse(""), probe.summary()));
        };
    }

    @Override
    public AuditEntry recordProbe(String sessionId, String agent, ProbeRecord probe) {
        return append(sessionId, agent, EventKind.PROBED, RecordCodec.write(probe), probeDerived(sessionId, probe));
    }

    @Override
    public AuditEntry setStep(String sessionId, String agent, String procedureId, String stepId, StepState state,
            String note) {
        JsonObject p = new JsonObject();
        p.addProperty("procedure", Objects.requireNonNull(procedureId, "procedureId"));
        p.addProperty("step", Objects.requireNonNull(stepId, "stepId"));
        p.addProperty("state", Objects.requireNonNull(state, "state").id());
        p.addProperty("note", note == null ? "" : note);
        return append(sessionId, agent, EventKind.STEP, p,
                (c, opened) -> SummaryWriter.tokens(c, sessionId, opened, List.of(Json.string(p, "note"))));
    }

    @Override
    public AuditEntry setStatus(String sessionId, String agent, SessionStatus status, String note) {
        JsonObject p = new JsonObject();
        p.addProperty("status", Objects.requireNonNull(status, "status").id());
        p.addProperty("note", note == null ? "" : note);
        return append(sessionId, agent, EventKind.STATUS, p, (c, opened) -> {
            SummaryWriter.status(c, sessionId, status.id());
            SummaryWriter.tokens(c, sessionId, opened, List.of(Json.string(p, "note")));
        });
    }

    @Override
    public AuditEntry addNote(String sessionId, String agent, String text) {
        JsonObject p = new JsonObject();
        p.addProperty("text", Objects.requireNonNull(text, "text"));
        return append(sessionId, agent, EventKind.NOTE, p,
                (c, opened) -> SummaryWriter.tokens(c, sessionId, opened, List.of(text)));
    }

    @Override
    public AuditEntry updateAccount(String sessionId, String agent, AccountProfile account) {
        JsonObject p = new JsonObject();
        p.add("account", AccountCodec.write(Objects.requireNonNull(account, "account")));
        return append(sessionId, agent, EventKind.ACCOUNT, p, (c, opened) -> {
            SummaryWriter.account(c, sessionId, account);
            SummaryWriter.tokens(c, sessionId, opened, AccountCodec.searchable(account));
        });
    }

    @Override
    public Optional<SupportSession> get(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        List<SessionReplay.Event> events = read("reading a session", c -> {
            List<SessionReplay.Event> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select seq, at, agent, kind, payload from rb_event where session_id = ? order by seq")) {
                s.setString(1, sessionId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SessionReplay.Event(rs.getLong("seq"), Times.read(rs, "at"), rs.getString("agent"),
                                EventKind.of(rs.getString("kind")), Json.parse(rs.getString("payload"))));
                    }
                }
            }
            return out;
        });
        return events.isEmpty() ? Optional.empty() : Optional.of(SessionReplay.replay(sessionId, events));
    }

    @Override
    public SessionPage search(SessionQuery query) {
        Objects.requireNonNull(query, "query");
        List<SessionSummary> rows = read("searching sessions", c -> SearchSql.run(c, db.kind(), query));
        boolean more = rows.size() > query.limit();
        return new SessionPage(more ? rows.subList(0, query.limit()) : rows, query.offset(), more);
    }

    @Override
    public SessionStatistics statistics(LocalDate from, LocalDate to, ZoneId zone, SessionStatistics.Period period) {
        return read("adding up sessions", c -> StatisticsSql.statistics(c, from, to, zone, period));
    }

    @Override
    public ProcedureOutcomes procedureOutcomes(String providerId, String cause) {
        return read("counting fix outcomes", c -> StatisticsSql.outcomes(c, providerId, cause));
    }

    @Override
    public String description() {
        return db.description();
    }

    @Override
    public void close() {
        db.close();
    }

    /** What a change adds to the summary and the indexes, given the session's opening time. */
    private interface Derived {
        void write(Connection c, Instant opened) throws SQLException;
    }

    private AuditEntry append(String sessionId, String agent, EventKind kind, JsonObject payload, Derived derived) {
        Objects.requireNonNull(sessionId, "sessionId");
        String who = agent == null ? "" : agent.trim();
        Instant at = Times.millis(Instant.now());
        return transaction("recording a change", c -> appendIn(c, sessionId, who, at, kind, payload, derived));
    }

    /** Appends one change inside the caller's transaction. */
    private AuditEntry appendIn(Connection c, String sessionId, String who, Instant at, EventKind kind,
            JsonObject payload, Derived derived) throws SQLException {
        // Take the session's summary row lock and the next sequence number in one statement; other
        // writers to this session wait here until this transaction ends.
        try (PreparedStatement s = c.prepareStatement(
                "update rb_session set last_seq = last_seq + 1, updated_at = ? where id = ?")) {
            s.setObject(1, Times.sql(at));
            s.setString(2, sessionId);
            if (s.executeUpdate() == 0) {
                throw new NoSuchElementException("no session " + sessionId + " in " + db.description());
            }
        }
        long seq;
        Instant opened;
        try (PreparedStatement s = c.prepareStatement("select last_seq, opened_at from rb_session where id = ?")) {
            s.setString(1, sessionId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
                opened = Times.read(rs, "opened_at");
            }
        }
        insertEvent(c, sessionId, seq, at, who, kind, payload);
        derived.write(c, opened);
        return new AuditEntry(seq, at, who, kind.id(), kind.detail(payload));
    }

    private static void insertEvent(Connection c, String id, long seq, Instant at, String agent, EventKind kind,
            JsonObject payload) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into rb_event (session_id, seq, at, agent, kind, payload) values (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setLong(2, seq);
            s.setObject(3, Times.sql(at));
            s.setString(4, SummaryWriter.clip(agent, 200));
            s.setString(5, kind.id());
            s.setString(6, Json.write(payload));
            s.executeUpdate();
        }
    }

    /** One unit of work in a transaction. */
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T transaction(String what, Work<T> work) {
        return transaction(what, true, true, work);
    }

    private <T> T read(String what, Work<T> work) {
        return transaction(what, false, true, work);
    }

    /**
     * Runs work in one transaction: commit when it returns, roll back when it throws. Conflicts with
     * concurrent writers (unique key, deadlock, serialization, lock timeout) roll back and retry the
     * whole unit after a short random pause; other failures become {@link StoreException}s. Nothing is
     * retried once committed: a failure to make a committed change durable is reported, not repeated.
     * Without {@code retryDuplicates}, a unique-key violation is reported at once.
     */
    private <T> T transaction(String what, boolean writes, boolean retryDuplicates, Work<T> work) {
        for (int attempt = 1;; attempt++) {
            Connection c;
            try {
                c = db.borrow();
            } catch (SQLException e) {
                if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                    throw new StoreException("the session store " + db.description() + " is open in another program that"
                            + " does not share it (an older Relaybench, or a database tool): close that program and try"
                            + " again, or use a shared PostgreSQL store for several programs at once", e);
                }
                throw new StoreException("cannot open the session store " + db.description() + ": " + e.getMessage(), e);
            }
            boolean healthy = false;
            boolean committed = false;
            try {
                T result = work.run(c);
                c.commit();
                committed = true;
                if (writes) {
                    db.afterCommit(c);
                }
                healthy = true;
                return result;
            } catch (SQLException e) {
                healthy = rollback(c) && !String.valueOf(e.getSQLState()).startsWith("08");
                if (!committed && attempt < ATTEMPTS && Conflicts.retryable(e)
                        && (retryDuplicates || !Conflicts.duplicate(e))) {
                    pause(attempt);
                    continue;
                }
                throw new StoreException(what + " failed in " + db.description() + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                healthy = rollback(c);
                throw e;
            } finally {
                db.release(c, healthy);
            }
        }
    }

    private static boolean rollback(Connection c) {
        try {
            c.rollback();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a change", e);
        }
    }
}
