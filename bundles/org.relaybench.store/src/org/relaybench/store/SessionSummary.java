package org.relaybench.store;

import java.time.Instant;
import java.util.Objects;

import org.relaybench.core.session.SessionStatus;

/**
 * One line of a search result: enough to list a session and pick it, without reading it whole.
 *
 * @param id the session's id
 * @param opened when it was opened
 * @param updated when it last changed
 * @param agent who opened it
 * @param customer for whom
 * @param ticket the ticket reference, may be empty
 * @param status its status
 * @param email the account's address
 * @param provider the provider id of the latest diagnosis, empty before the first
 * @param cause the most likely cause of the latest diagnosis, empty when none was found
 * @param diagnoses how many diagnoses were run
 * @param probes how many probes were run
 * @param changes how many changes the audit trail holds
 * @since 0.1
 */
public record SessionSummary(String id, Instant opened, Instant updated, String agent, String customer, String ticket,
        SessionStatus status, String email, String provider, String cause, int diagnoses, int probes, long changes) {

    public SessionSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(status, "status");
    }
}
