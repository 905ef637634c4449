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
 * @param deadline how long the diagnosis of one account may take in all, contributed code included
 *        (creating and running code rules, however many); when it passes, the account is diagnosed
 *        again without the provider's contributed code and rules, and the diagnosis says so in its
 *        errors. {@link #DEFAULT_DEADLINE} unless set. In {@link DiagnosisEngine#diagnoseAll} each
 *        account has its own deadline.
 * @since 0.1
 */
public record DiagnosisOptions(boolean classifyErrorText, Duration ruleBudget, List<String> mxHosts,
        Optional<String> providerId, List<org.relaybench.core.Finding> evidence, List<Refutation> refutations,
        Duration deadline) {

    /**
     * The default {@link #deadline()} of one diagnosis: 5 s, far above the few milliseconds a diagnosis
     * takes and above the budgets of a provider's code rules, yet short enough for an agent to wait.
     *
     * @since 0.1
     */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

    /**
     * The defaults: classify, 250 ms per code rule, no MX, match the provider, no outside evidence, a
     * deadline of {@link #DEFAULT_DEADLINE}.
     */
    public static final DiagnosisOptions DEFAULTS = new DiagnosisOptions(true, Duration.ofMillis(250), List.of(),
            Optional.empty(), List.of(), List.of(), DEFAULT_DEADLINE);

    public DiagnosisOptions {
        positive(ruleBudget, "ruleBudget");
        mxHosts = List.copyOf(mxHosts);
        Objects.requireNonNull(providerId, "providerId");
        evidence = List.copyOf(evidence);
        refutations = List.copyOf(refutations);
        positive(deadline, "deadline");
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /**
     * The options with the default deadline, as before the deadline existed.
     *
     * @param classifyErrorText whether to classify the error text
     * @param ruleBudget the per-rule time budget
     * @param mxHosts the domain's MX hosts
     * @param providerId the provider to use, empty to match one
     * @param evidence findings from outside the engine
     * @param refutations causes shown not to hold outside the engine
     */
    public DiagnosisOptions(boolean classifyErrorText, Duration ruleBudget, List<String> mxHosts,
            Optional<String> providerId, List<org.relaybench.core.Finding> evidence, List<Refutation> refutations) {
        this(classifyErrorText, ruleBudget, mxHosts, providerId, evidence, refutations, DEFAULT_DEADLINE);
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
        this(classifyErrorText, ruleBudget, mxHosts, providerId, evidence, List.of(), DEFAULT_DEADLINE);
    }

    /**
     * @param value whether to classify the error text
     * @return a copy with that setting
     */
    public DiagnosisOptions withClassifyErrorText(boolean value) {
        return new DiagnosisOptions(value, ruleBudget, mxHosts, providerId, evidence, refutations, deadline);
    }

    /**
     * @param value the per-rule time budget
     * @return a copy with that budget
     */
    public DiagnosisOptions withRuleBudget(Duration value) {
        return new DiagnosisOptions(classifyErrorText, value, mxHosts, providerId, evidence, refutations, deadline);
    }

    /**
     * @param value the domain's MX hosts
     * @return a copy with those hosts
     */
    public DiagnosisOptions withMxHosts(List<String> value) {
        return new DiagnosisOptions(classifyErrorText, ruleBudget, value, providerId, evidence, refutations, deadline);
    }

    /**
     * @param value the provider to use, empty to match one
     * @return a copy with that provider
     */
    public DiagnosisOptions withProviderId(Optional<String> value) {
        return new DiagnosisOptions(classifyErrorText, ruleBudget, mxHosts, value, evidence, refutations, deadline);
    }

    /**
     * @param value findings from outside the engine, such as a live probe's
     * @return a copy with that evidence
     */
    public DiagnosisOptions withEvidence(List<org.relaybench.core.Finding> value) {
        return new DiagnosisOptions(classifyErrorText, ruleBudget, mxHosts, providerId, value, refutations, deadline);
    }

    /**
     * @param value causes shown not to hold by a check outside the engine, such as a live probe
     * @return a copy with those refutations
     * @since 0.1
     */
    public DiagnosisOptions withRefutations(List<Refutation> value) {
        return new DiagnosisOptions(classifyErrorText, ruleBudget, mxHosts, providerId, evidence, value, deadline);
    }

    /**
     * @param value how long the diagnosis of one account may take in all
     * @return a copy with that deadline
     * @since 0.1
     */
    public DiagnosisOptions withDeadline(Duration value) {
        return new DiagnosisOptions(classifyErrorText, ruleBudget, mxHosts, providerId, evidence, refutations, value);
    }
}
