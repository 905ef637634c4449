package org.relaybench.tests.faulty;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.relaybench.core.Finding;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleContext;

/** Throws on every call and counts the calls, so that a test can tell whether it still runs. */
public final class CountingThrowingRule implements DiagnosisRule {

    private static final AtomicInteger CALLS = new AtomicInteger();

    /** @return how often any instance was called since the class was loaded */
    public static int calls() {
        return CALLS.get();
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        int call = CALLS.incrementAndGet();
        throw new IllegalStateException("deliberate failure number " + call);
    }
}
