package org.relaybench.session;

import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.AccountProfile;

/**
 * One session of a {@link SessionLog#openAll bulk opening}: what {@link SessionLog#open} takes, and
 * the id the session gets, from {@link SessionLog#newSessionId()}.
 *
 * @param id the session's id
 * @param opening who opens it for whom
 * @param account the account as configured (it holds no password)
 * @param first the first diagnosis, if one ran
 * @since 0.1
 */
public record BulkOpening(String id, SessionOpening opening, AccountProfile account, Optional<DiagnosisResult> first) {

    public BulkOpening {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(first, "first");
    }
}
