package org.relaybench.tests.faulty;

import java.util.List;
import java.util.Optional;

import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleContext;

/** A well-behaved rule next to the faulty ones: its finding must survive. */
public final class GoodRule implements DiagnosisRule {

    @Override
    public List<Finding> evaluate(RuleContext context) {
        return List.of(context.finding("faulty-code.checked", Severity.WARNING, 0.5, "checked by the good rule",
                Optional.of("fix"), List.of(new Evidence(Evidence.Kind.RULE, "good", context.account().email()))));
    }
}
