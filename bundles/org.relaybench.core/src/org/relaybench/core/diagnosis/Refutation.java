package org.relaybench.core.diagnosis;

import java.util.Objects;

import org.relaybench.core.Evidence;

/**
 * A cause that a check outside the engine showed not to hold, typically a live probe that tried the
 * device's own outgoing settings against the real server and saw them work. The engine keeps a refuted
 * finding, so the agent still sees what the settings alone suggested, but lowers it to
 * {@link org.relaybench.core.Severity#INFO} with a quarter of its confidence and adds the evidence.
 *
 * @param code the cause code refuted
 * @param evidence why it does not hold, usually of kind {@link Evidence.Kind#PROBE}
 * @since 0.1
 */
public record Refutation(String code, Evidence evidence) {

    public Refutation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(evidence, "evidence");
    }
}
