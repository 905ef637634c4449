package org.relaybench.session;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;
import org.relaybench.store.SessionPage;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStatistics;

/**
 * One open session log (a session store) as the faces use it: sessions are opened with their first
 * diagnosis, and every later diagnosis is logged with its probes, in one transaction each. Each
 * method that changes a session returns its audit entry. Thread-safe; close it when done.
 *
 * @since 0.1
 */
public interface SessionLog extends AutoCloseable {

    /** @return the store's URL without any password, for messages */
    String description();

    /**
     * Opens a session, with the probes and diagnosis it was opened for, in one transaction: the
     * session is stored with all of them or not at all.
     *
     * @param opening who opens it for whom
     * @param account the account as configured (it holds no password)
     * @param first the first diagnosis, if one ran
     * @return the new session's id
     * @throws org.relaybench.store.StoreException when the database fails; then nothing was logged
     */
    String open(SessionOpening opening, AccountProfile account, Optional<DiagnosisResult> first);

    /**
     * @return the id of a session to open with {@link #openAll}, made without asking the database
     * @since 0.1
     */
    String newSessionId();

    /**
     * Opens many sessions, each with its probes and diagnosis, in one transaction sent in bulk: all
     * of them are stored, each as {@link #open} stores it, or none is. For batch runs; give chunks of
     * a few hundred.
     *
     * @param sessions the sessions, with ids from {@link #newSessionId()}
     * @throws org.relaybench.store.StoreException when the database fails; then nothing was logged
     * @since 0.1
     */
    void openAll(List<BulkOpening> sessions);

    /**
     * Logs another diagnosis with its probes, in one transaction.
     *
     * @param sessionId the session
     * @param agent who ran it
     * @param result the diagnosis
     * @return the change as recorded
     * @throws java.util.NoSuchElementException when there is no such session
     */
    AuditEntry recordDiagnosis(String sessionId, String agent, DiagnosisResult result);

    /**
     * Records the outcome of one step of a fix procedure.
     *
     * @param sessionId the session
     * @param agent who did it
     * @param procedureId the procedure
     * @param stepId the step in it
     * @param state worked, did not work, skipped, or not tried
     * @param note what happened, may be empty
     * @return the change as recorded
     */
    AuditEntry recordStep(String sessionId, String agent, String procedureId, String stepId, StepState state, String note);

    /**
     * @param sessionId the session
     * @param agent who wrote it
     * @param text the note, not blank
     * @return the change as recorded
     */
    AuditEntry addNote(String sessionId, String agent, String text);

    /**
     * @param sessionId the session
     * @param agent who did it
     * @param status resolved, unresolved, or open again
     * @param note why, may be empty
     * @return the change as recorded
     */
    AuditEntry setStatus(String sessionId, String agent, SessionStatus status, String note);

    /**
     * @param sessionId the session
     * @param agent who entered it
     * @param account the account as the customer now has it configured
     * @return the change as recorded
     */
    AuditEntry updateAccount(String sessionId, String agent, AccountProfile account);

    /**
     * @param sessionId a session id
     * @return the session whole, or empty
     */
    Optional<SupportSession> get(String sessionId);

    /**
     * @param query what to look for, and which page
     * @return one page of matching sessions, newest first
     */
    SessionPage search(SessionQuery query);

    /**
     * Reads whole every session a query selects, newest first, from the query's offset on.
     *
     * @param query what to look for (its limit is ignored)
     * @param max at most this many
     * @return the sessions
     */
    List<SupportSession> sessions(SessionQuery query, int max);

    /**
     * How often a procedure worked for a provider and a cause: of the logged sessions whose latest
     * diagnosis names the provider and one of whose findings is the cause, those in which a step of
     * the procedure was marked, and how many of those were resolved. The store adds it up.
     *
     * @param providerId the provider
     * @param cause the cause code
     * @param procedureId the procedure
     * @return the counts
     * @since 0.1
     */
    FixSuccess fixSuccess(String providerId, String cause, String procedureId);

    /**
     * How often each of several procedures worked for a provider and a cause, in one read of the
     * store ({@link #fixSuccess} for each), the one that worked most often first; procedures never
     * tried keep their order after those tried.
     *
     * @param providerId the provider
     * @param cause the cause code
     * @param procedureIds the procedures that apply, in the engine's order
     * @return one figure per procedure, most often worked first
     * @since 0.3
     */
    List<FixSuccess> fixSuccesses(String providerId, String cause, List<String> procedureIds);

    /**
     * Adds up the sessions opened from one day to another (in the given time zone): most likely
     * causes per period, providers, and how often each procedure worked. Reads summary rows and step
     * outcomes only; still, call it off the UI thread.
     *
     * @param from the first day
     * @param to the last day, not before {@code from}
     * @param zone whose days count
     * @param period a day or a week per period
     * @return the figures
     * @throws IllegalArgumentException when the range ends before it starts or spans more than ten years
     * @since 0.3
     */
    SessionStatistics statistics(LocalDate from, LocalDate to, ZoneId zone, SessionStatistics.Period period);

    @Override
    void close();
}
