package org.relaybench.tests.faulty;

import java.util.List;

import org.relaybench.core.Finding;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleContext;

/**
 * Never answers within any reasonable budget and ignores interruption, like a rule stuck in a loop.
 * It gives up after 60 s so that a test JVM is not held forever.
 */
public final class HangingRule implements DiagnosisRule {

    @Override
    public List<Finding> evaluate(RuleContext context) {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                // deliberately ignored: the engine must cope with rules that do not stop
            }
        }
        return List.of();
    }
}
