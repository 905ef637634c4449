package org.relaybench.tests.faulty;

import java.util.List;
import java.util.Optional;

import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleContext;

/** A well-behaved rule of any provider: finds {@code <provider>.checked}, which must survive its neighbours. */
public final class CheckedRule implements DiagnosisRule {

    @Override
    public List<Finding> evaluate(RuleContext context) {
        return List.of(context.finding(context.provider().id() + ".checked", Severity.WARNING, 0.5,
                "checked by the well-behaved rule", Optional.empty(),
                List.of(new Evidence(Evidence.Kind.RULE, "good", context.account().email()))));
    }
}
