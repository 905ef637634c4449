package org.relaybench.store;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;

/**
 * A session log. Each method that changes a session appends one change to it in one database
 * transaction, and returns the {@link AuditEntry} that records it: a change is either stored whole
 * or not at all, and changes from several threads or processes to the same session are all kept, in
 * the order the database committed them.
 * <p>
 * Implementations are thread-safe. Close the store when done; a closed store refuses further use.
 *
 * @since 0.1
 */
public interface SessionStore extends AutoCloseable {

    /**
     * Opens a new support session.
     *
     * @param session who opens it, for whom, and the account as configured
     * @return the new session's id
     * @throws StoreException when the database fails
     */
    String open(NewSession session);

    /**
     * Opens a new support session together with the probes and the diagnosis it was opened for, in
     * one transaction: either the session is stored with all of them, or nothing is.
     *
     * @param session who opens it, for whom, and the account as configured
     * @param probes live probes to log first, oldest first; their transcripts already redacted
     * @param diagnosis the first diagnosis run, if any
     * @return the new session's id
     * @throws StoreException when the database fails; then no session was opened
     * @since 0.2
     */
    String open(NewSession session, List<ProbeRecord> probes, Optional<DiagnosisRecord> diagnosis);

    /**
     * Makes the id of a session to open with {@link #openAll}, without asking the database: ids are
     * unique across processes and machines (UUIDs of version 7), and sort by creation time.
     *
     * @return a new session id
     * @since 0.3
     */
    String newId();

    /**
     * Opens many sessions, each with its probes and diagnosis, in one transaction: either all of
     * them are stored or none is. Each is stored exactly as {@link #open(NewSession, List, Optional)}
     * stores it (the same rows, the same trail, the same index words, transcripts redacted), under
     * the id it carries; only the writes are sent in bulk. For a batch run, give chunks of a few
     * hundred: one transaction per chunk, and a failure costs one chunk.
     *
     * @param sessions the sessions, with ids from {@link #newId()} that are not in the store yet
     * @throws StoreException when the database fails, or an id is already taken; then none of them was
     *         opened
     * @since 0.3
     */
    void openAll(List<BulkSession> sessions);

    /**
     * Logs a diagnosis run. The session's provider and most likely cause become this run's.
     *
     * @param sessionId the session
     * @param agent who ran it
     * @param diagnosis the run
     * @return the change as recorded
     * @throws java.util.NoSuchElementException when there is no such session
     * @throws StoreException when the database fails
     */
    AuditEntry recordDiagnosis(String sessionId, String agent, DiagnosisRecord diagnosis);

    /**
     * Logs a live probe. Its transcript must already be redacted; the store redacts any AUTH
     * payload it still recognizes, as a second line of defence.
     *
     * @param sessionId the session
     * @param agent who ran it
     * @param probe the probe
     * @return the change as recorded
     * @throws java.util.NoSuchElementException when there is no such session
     * @throws StoreException when the database fails
     */
    AuditEntry recordProbe(String sessionId, String agent, ProbeRecord probe);

    /**
     * Logs a diagnosis run with the live probes that fed it, in one transaction.
     *
     * @param sessionId the session
     * @param agent who ran it
     * @param probes the probes, oldest first; their transcripts already redacted
     * @param diagnosis the run
     * @return the diagnosis change as recorded
     * @throws java.util.NoSuchElementException when there is no such session
     * @throws StoreException when the database fails; then none of them was logged
     * @since 0.2
     */
    AuditEntry recordDiagnosis(String sessionId, String agent, List<ProbeRecord> probes, DiagnosisRecord diagnosis);

    /**
     * Sets the state of one step of a fix procedure; earlier states stay in the audit trail.
     *
     * @param sessionId the session
     * @param agent who did it
     * @param procedureId the procedure
     * @param stepId the step in it
     * @param state its new state
     * @param note what happened, may be empty
     * @return the change as recorded
     * @throws java.util.NoSuchElementException when there is no such session
     * @throws StoreException when the database fails
     */
    AuditEntry setStep(String sessionId, String agent, String procedureId, String stepId, StepState state, String note);

    /**
     * Resolves, gives up on, or reopens a session.
     *
     * @param sessionId the session
     * @param agent who did it
     * @param status the new status
     * @param note why, may be empty
     * @return the change as recorded
     * @throws java.util.NoSuchElementException when there is no such session
     * @throws StoreException when the database fails
     */
    AuditEntry setStatus(String sessionId, String agent, SessionStatus status, String note);

    /**
     * Adds a free-text note.
     *
     * @param sessionId the session
     * @param agent who wrote it
     * @param text the note
     * @return the change as recorded
     * @throws java.util.NoSuchElementException when there is no such session
     * @throws StoreException when the database fails
     */
    AuditEntry addNote(String sessionId, String agent, String text);

    /**
     * Records the account as the customer now has it configured (after a change on the device).
     *
     * @param sessionId the session
     * @param agent who entered it
     * @param account the account; it holds no password by construction
     * @return the change as recorded
     * @throws java.util.NoSuchElementException when there is no such session
     * @throws StoreException when the database fails
     */
    AuditEntry updateAccount(String sessionId, String agent, AccountProfile account);

    /**
     * Reads a session whole, as its changes made it.
     *
     * @param sessionId the session
     * @return the session, or empty when there is none with that id
     * @throws StoreException when the database fails
     */
    Optional<SupportSession> get(String sessionId);

    /**
     * Finds sessions, newest first.
     *
     * @param query what to look for, and which page
     * @return one page of matching sessions
     * @throws StoreException when the database fails
     */
    SessionPage search(SessionQuery query);

    /**
     * Adds up the sessions opened from one day to another: their most likely causes per day or week,
     * their providers, and how often each fix procedure worked. Reads the summary rows and the step
     * changes of those sessions only, never whole sessions.
     *
     * @param from the first day, in {@code zone}
     * @param to the last day, in {@code zone}, not before {@code from}
     * @param zone whose days count
     * @param period a day or a week per period of the causes over time
     * @return the figures
     * @throws StoreException when the database fails
     * @since 0.3
     */
    SessionStatistics statistics(LocalDate from, LocalDate to, ZoneId zone,
            SessionStatistics.Period period);

    /**
     * How each fix procedure fared in every session whose latest diagnosis names the provider and one
     * of whose findings is the cause: the numbers "worked in 41 of 47 sessions for AOL and
     * smtp-auth-missing" are made of.
     *
     * @param providerId the provider id
     * @param cause the cause code
     * @return the outcomes, most often worked first
     * @throws StoreException when the database fails
     * @since 0.3
     */
    ProcedureOutcomes procedureOutcomes(String providerId, String cause);

    /** @return the store's JDBC URL with any password removed, for messages */
    String description();

    /** Closes the store's connections. */
    @Override
    void close();
}
