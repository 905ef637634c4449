package org.relaybench.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One conclusion of a diagnosis: a cause, how sure we are, why, and what addresses it.
 *
 * @param code a {@link CauseCode#code()} or a provider-prefixed code
 * @param severity how serious it is
 * @param confidence between 0 and 1
 * @param title one line for the agent
 * @param evidence what supports it, in the order found
 * @param provider id of the provider whose rule produced it, or {@code core}
 * @param rule id of the rule that produced it
 * @param procedure id of the fix procedure that addresses it, when there is one
 * @since 0.1
 */
public record Finding(String code, Severity severity, double confidence, String title, List<Evidence> evidence,
        String provider, String rule, Optional<String> procedure) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must lie in [0,1]: " + confidence);
        }
        title = Objects.requireNonNull(title, "title");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(procedure, "procedure");
    }
}
