package org.relaybench.core.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.Finding;
import org.relaybench.core.diagnosis.DiagnosisError;

/**
 * One diagnosis run as logged in a session: what was found, when, against which provider.
 *
 * @param at when it ran
 * @param providerId the matched provider's id, empty when none matched
 * @param providerName the matched provider's name, empty when none matched
 * @param findings the ranked findings
 * @param errors contributions that failed during the run
 * @since 0.1
 */
public record DiagnosisRecord(Instant at, Optional<String> providerId, Optional<String> providerName,
        List<Finding> findings, List<DiagnosisError> errors) {

    public DiagnosisRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerName, "providerName");
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
    }
}
