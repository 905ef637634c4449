package org.relaybench.tests.faulty;

import java.util.List;

import org.relaybench.core.Finding;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleContext;

/** Blocks in its constructor, so that creating the rule never returns (see {@link Stall}). */
public final class BlockingConstructorRule implements DiagnosisRule {

    /** Blocks. */
    public BlockingConstructorRule() {
        Stall.stall();
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        return List.of();
    }
}
