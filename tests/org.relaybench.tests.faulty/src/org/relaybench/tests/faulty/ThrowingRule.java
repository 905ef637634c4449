package org.relaybench.tests.faulty;

import java.util.List;

import org.relaybench.core.Finding;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleContext;

/** Throws on every call. */
public final class ThrowingRule implements DiagnosisRule {

    @Override
    public List<Finding> evaluate(RuleContext context) {
        throw new IllegalStateException("deliberate failure for " + context.account().email());
    }
}
