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
 * @param refutations causes that a check outside the engine showed not to hold (a live probe that saw the
 *        device's settings work); findings of those causes are lowered, never dropped
 * @since 0.1
 */
public record DiagnosisOptions(boolean classifyErrorText, Duration ruleBudget, List<String> mxHosts,
        Optional<String> providerId, List<org.relaybench.core.Finding> evidence, List<Refutation> refutations) {

    /** The defaults: classify, 250 ms per code rule, no MX, match the provider, no outside evidence. */
    public static final DiagnosisOptions DEFAULTS = new DiagnosisOptions(true, Duration.ofMillis(250), List.of(),
            Optional.empty(), List.of(), List.of());

    public DiagnosisOptions {
        Objects.requireNonNull(ruleBudget, "ruleBudget");
        if (ruleBudget.isNegative() || ruleBudget.isZero()) {
            throw new IllegalArgumentException("ruleBudget must be positive: " + ruleBudget);
        }
        mxHosts = List.copyOf(mxHosts);
        Objects.requireNonNull(providerId, "providerId");
        evidence = List.copyOf(evidence);
        refutations = List.copyOf(refutations);
    }

    /**
     * The options without refutations, as before they existed.
     *
     * @param classifyErrorText whether to classify the error text
     * @param ruleBudget the per-rule time budget
     * @param mxHosts the domain's MX hosts
     * @param providerId the provider to use, empty to match one
     * @param evidence findings from outside the engine
     */
    public DiagnosisOptions(boolean classifyErrorText, Duration ruleBudget, List<String> mxHosts,
            Optional<String> providerId, List<org.relaybench.core.Finding> evidence) {
        this(classifyErrorText, ruleBudget, mxHosts, providerId, evidence, List.of());
    }

    /**
     * @param value whether to classify the error text
     * @return a copy with that setting
     */
    public DiagnosisOptions withClassifyErrorText(boolean value) {
        return new DiagnosisOptions(value, ruleBudget, mxHosts, providerId, evidence, refutations);
    }

    /**
     * @param value the per-rule time budget
     * @return a copy with that budget
     */
    public DiagnosisOptions withRuleBudget(Duration value) {
        return new DiagnosisOptions(classifyErrorText, value, mxHosts, providerId, evidence, refutations);
    }

    /**
     * @param value the domain's MX hosts
     * @return a copy with those hosts
     */
    public DiagnosisOptions withMxHosts(List<String> value) {
        return new DiagnosisOptions(classifyErrorText, ruleBudget, value, providerId, evidence, refutations);
    }

    /**
     * @param value the provider to use, empty to match one
     * @return a copy with that provider
     */
    public DiagnosisOptions withProviderId(Optional<String> value) {
        return new DiagnosisOptions(classifyErrorText, ruleBudget, mxHosts, value, evidence, refutations);
    }

    /**
     * @param value findings from outside the engine, such as a live probe's
     * @return a copy with that evidence
     */
    public DiagnosisOptions withEvidence(List<org.relaybench.core.Finding> value) {
        return new DiagnosisOptions(classifyErrorText, ruleBudget, mxHosts, providerId, value, refutations);
    }

    /**
     * @param value causes shown not to hold by a check outside the engine, such as a live probe
     * @return a copy with those refutations
     * @since 0.1
     */
    public DiagnosisOptions withRefutations(List<Refutation> value) {
        return new DiagnosisOptions(classifyErrorText, ruleBudget, mxHosts, providerId, evidence, value);
    }
}
