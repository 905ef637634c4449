package org.relaybench.core.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.Severity;

/**
 * A provider's rule (element {@code rule}). A declarative rule fires when all its conditions hold and
 * yields one finding with the declared cause; a code rule ({@link #implementation()} present) runs a
 * {@link DiagnosisRule} whose findings may use any cause.
 *
 * @param id the rule id, unique within its provider
 * @param cause the cause code of a declarative rule's finding
 * @param severity the finding's severity
 * @param confidence the finding's confidence, between 0 and 1
 * @param title the finding's title
 * @param procedure the procedure that addresses it, when there is one
 * @param conditions the conditions, all of which must hold; empty for a code rule means "always run"
 * @param implementation the class name of a code rule, empty for a declarative one
 * @since 0.1
 */
public record RuleDescriptor(String id, String cause, Severity severity, double confidence, String title,
        Optional<String> procedure, List<Condition> conditions, Optional<String> implementation) {

    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(severity, "severity");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must lie in [0,1]: " + confidence);
        }
        title = title == null ? "" : title;
        Objects.requireNonNull(procedure, "procedure");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(implementation, "implementation");
    }

    /** @return whether this is a code rule */
    public boolean isCode() {
        return implementation.isPresent();
    }
}
