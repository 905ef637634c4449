package org.relaybench.core.diagnosis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run one diagnosis.
 *
 * @param classifyErrorText whether to classify the account's error text (off to measure settings alone)
 * @param ruleBudget how long one code rule may run before it is abandoned and reported
 * @param mxHosts the MX hosts of the address's domain, when known (from a probe or the operator), to
 *        recognise custom domains hosted by a provider
 * @param providerId a provider to use instead of matching one, when the agent knows better
 * @param evidence findings established outside the engine (a live probe), merged with the others
 * @since 0.1
 */
public record DiagnosisOptions(boolean classifyErrorText, Duration ruleBudget, List<String> mxHosts,
        Optional<String> providerId, List<org.relaybench.core.Finding> evidence) {

    /** The defaults: classify, 250 ms per code rule, no MX, match the provider, no outside evidence. */
    public static final DiagnosisOptions DEFAULTS = new DiagnosisOptions(true, Duration.ofMillis(250), List.of(),
            Optional.empty(), List.of());

    public DiagnosisOptions {
        Objects.requireNonNull(ruleBudget, "ruleBudget");
        if (ruleBudget.isNegative() || ruleBudget.isZero()) {
            throw new IllegalArgumentException("ruleBudget must be positive: " + ruleBudget);
        }
        mxHosts = List.copyOf(mxHosts);
        Objects.requireNonNull(providerId, "providerId");
        evidence = List.copyOf(evidence);
    }

    /**
     * @param value whether to classify the error text
     * @return a copy with that setting
     */
    public DiagnosisOptions withClassifyErrorText(boolean value) {
        return new DiagnosisOptions(value, ruleBudget, mxHosts, providerId, evidence);
    }

    /**
     * @param value the per-rule time budget
     * @return a copy with that budget
     */
    public DiagnosisOptions withRuleBudget(Duration value) {
        return new DiagnosisOptions(classifyErrorText, value, mxHosts, providerId, evidence);
    }

    /**
     * @param value the domain's MX hosts
     * @return a copy with those hosts
     */
    public DiagnosisOptions withMxHosts(List<String> value) {
        return new DiagnosisOptions(classifyErrorText, ruleBudget, value, providerId, evidence);
    }

    /**
     * @param value the provider to use, empty to match one
     * @return a copy with that provider
     */
    public DiagnosisOptions withProviderId(Optional<String> value) {
        return new DiagnosisOptions(classifyErrorText, ruleBudget, mxHosts, value, evidence);
    }

    /**
     * @param value findings from outside the engine, such as a live probe's
     * @return a copy with that evidence
     */
    public DiagnosisOptions withEvidence(List<org.relaybench.core.Finding> value) {
        return new DiagnosisOptions(classifyErrorText, ruleBudget, mxHosts, providerId, value);
    }
}
