package org.relaybench.core.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.relaybench.core.AccountProfile;

/**
 * A support session as a whole: who, for whom, the account as configured (which by construction
 * holds no password), the error text, every diagnosis and probe, the fix procedure walk and the audit
 * trail of every change. Immutable; the store builds it from its append-only log.
 *
 * @param id the session's id (a UUID)
 * @param opened when it was opened
 * @param updated when it last changed
 * @param agent who opened it
 * @param customer the customer's name or reference
 * @param ticket the ticket reference, may be empty
 * @param status open, resolved or unresolved
 * @param account the account as configured
 * @param diagnoses every diagnosis run, oldest first
 * @param probes every probe, oldest first
 * @param steps the latest state of every step touched, in the order first touched
 * @param notes free-text notes, oldest first
 * @param audit every change, oldest first
 * @since 0.1
 */
public record SupportSession(String id, Instant opened, Instant updated, String agent, String customer, String ticket,
        SessionStatus status, AccountProfile account, List<DiagnosisRecord> diagnoses, List<ProbeRecord> probes,
        List<StepRecord> steps, List<String> notes, List<AuditEntry> audit) {

    public SupportSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(updated, "updated");
        agent = agent == null ? "" : agent;
        customer = customer == null ? "" : customer;
        ticket = ticket == null ? "" : ticket;
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(account, "account");
        diagnoses = List.copyOf(diagnoses);
        probes = List.copyOf(probes);
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
        audit = List.copyOf(audit);
    }
}
