package org.relaybench.core.rules;

import java.util.List;

import org.relaybench.core.Finding;

/**
 * A code rule contributed by a provider (attribute {@code class} of element {@code rule}), for
 * checks that declarative conditions cannot express. Instances are created lazily, once per catalog
 * generation, and may be called from several threads at once: keep them stateless.
 * <p>
 * The engine runs each call under a time budget and catches anything thrown; a rule that throws,
 * runs too long or returns findings that are not valid (null, unknown cause codes) is reported as an
 * error of its provider and its results are dropped. It never breaks the diagnosis.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DiagnosisRule {

    /**
     * Examines one account.
     *
     * @param context the account and the provider that matched it
     * @return findings, possibly empty; never null
     * @throws Exception anything; it is reported and the rule's result dropped
     */
    List<Finding> evaluate(RuleContext context) throws Exception;
}
