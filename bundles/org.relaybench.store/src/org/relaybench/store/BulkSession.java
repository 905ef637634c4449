package org.relaybench.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.ProbeRecord;

/**
 * One session of a {@link SessionStore#openAll bulk opening}: what {@link SessionStore#open(NewSession,
 * List, Optional)} takes, and the id the session gets, made by the caller with
 * {@link SessionStore#newId()} so that it can be written next to the record before the session is
 * stored.
 *
 * @param id the session's id, from {@link SessionStore#newId()}
 * @param session who opens it, for whom, and the account as configured
 * @param probes live probes to log first, oldest first; their transcripts already redacted
 * @param diagnosis the first diagnosis run, if any
 * @since 0.3
 */
public record BulkSession(String id, NewSession session, List<ProbeRecord> probes, Optional<DiagnosisRecord> diagnosis) {

    public BulkSession {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > 36) {
            throw new IllegalArgumentException("not a session id: " + id);
        }
        Objects.requireNonNull(session, "session");
        probes = List.copyOf(probes);
        Objects.requireNonNull(diagnosis, "diagnosis");
    }
}
