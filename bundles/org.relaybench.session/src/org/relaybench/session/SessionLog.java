package org.relaybench.session;

import java.util.List;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;
import org.relaybench.store.SessionPage;
import org.relaybench.store.SessionQuery;

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

    /** How many of the newest sessions {@link #fixSuccess} reads at most. */
    int FIX_SUCCESS_SAMPLE = 500;

    /**
     * How often a procedure worked for a provider and a cause, from the logged step outcomes and
     * statuses of the newest {@link #FIX_SUCCESS_SAMPLE} sessions with that provider and cause. It
     * reads those sessions whole, so call it off the UI thread.
     *
     * @param providerId the provider
     * @param cause the cause code
     * @param procedureId the procedure
     * @return the counts
     * @since 0.1
     */
    FixSuccess fixSuccess(String providerId, String cause, String procedureId);

    @Override
    void close();
}
