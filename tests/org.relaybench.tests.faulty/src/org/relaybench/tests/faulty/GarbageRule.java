package org.relaybench.tests.faulty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleContext;

/** Returns findings that are not valid: an invented cause, a null, a foreign provider, a missing procedure. */
public final class GarbageRule implements DiagnosisRule {

    @Override
    public List<Finding> evaluate(RuleContext context) {
        return Arrays.asList(
                context.finding("made-up-cause", Severity.ERROR, 0.9, "garbage", Optional.empty(), List.of()),
                null,
                new Finding("relay-denied", Severity.ERROR, 0.9, "impostor", List.of(), "aol", "x", Optional.empty()),
                context.finding("relay-denied", Severity.ERROR, 0.9, "bad procedure", Optional.of("nowhere"), List.of()));
    }
}
