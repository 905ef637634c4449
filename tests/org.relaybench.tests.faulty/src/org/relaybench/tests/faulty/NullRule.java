package org.relaybench.tests.faulty;

import java.util.List;

import org.relaybench.core.Finding;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleContext;

/** Returns null instead of a list. */
public final class NullRule implements DiagnosisRule {

    @Override
    public List<Finding> evaluate(RuleContext context) {
        return null;
    }
}
