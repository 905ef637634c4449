package org.relaybench.core.diagnosis;

import java.util.Objects;

/**
 * A contribution that failed while diagnosing (a rule that threw, ran too long or returned garbage).
 * The diagnosis completed without its results.
 *
 * @param provider the provider id
 * @param rule the rule id
 * @param message what went wrong
 * @since 0.1
 */
public record DiagnosisError(String provider, String rule, String message) {

    public DiagnosisError {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
