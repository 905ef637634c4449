package org.relaybench.tests.faulty;

import java.util.List;

import org.relaybench.core.Finding;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleContext;

/**
 * Blocks in its static initialiser: loading the class never finishes, and every other thread that
 * touches the class waits on its initialisation lock (see {@link Stall}).
 */
public final class BlockingStaticInitRule implements DiagnosisRule {

    static {
        Stall.stall();
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        return List.of();
    }
}
