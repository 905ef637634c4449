package org.relaybench.core.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.CauseCode;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.diagnosis.DiagnosisError;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.providers.RuleCreationException;
import org.relaybench.core.rules.Condition;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleContext;
import org.relaybench.core.rules.RuleDescriptor;

/**
 * Runs a provider's rules. Declarative rules are evaluated in place. Code rules are contributed code:
 * they run on the diagnosing thread, which is always a {@link Sandbox} worker watched by a supervisor,
 * under a time budget. A rule that throws, overruns or returns findings that are not valid is reported
 * (in the diagnosis' errors and in the catalog) and its results dropped. A rule that overran is
 * quarantined for as long as its provider is installed unchanged, so a rule that never returns costs
 * one abandoned worker, not one per account.
 */
final class RuleRunner {

    private final ProviderCatalog catalog;
    /** A rule that overran, with its provider as it was: a changed provider is retried. */
    private record Quarantine(ProviderDescriptor provider, String reason, AtomicBoolean announced) {
    }

    /** Overrunning rules by provider/rule id. */
    private final Map<String, Quarantine> quarantined = new ConcurrentHashMap<>();

    RuleRunner(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Findings of the declarative rules whose conditions all hold, in declared order.
     *
     * @param ruleEvidence the RULE evidence of each of the provider's rules, by position (see
     *        {@link #ruleEvidence(ProviderDescriptor)}), prepared once per catalog generation
     */
    static List<Finding> declarative(AccountProfile account, ProviderDescriptor provider, List<Evidence> ruleEvidence) {
        List<Finding> out = new ArrayList<>();
        List<RuleDescriptor> rules = provider.rules();
        for (int i = 0; i < rules.size(); i++) {
            RuleDescriptor rule = rules.get(i);
            if (rule.isCode() || !allHold(rule.conditions(), account)) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>(rule.conditions().size() + 1);
            for (Condition c : rule.conditions()) {
                evidence.add(Evidences.setting(c.field().id(), c.field().read(account).orElse("(not set)")));
            }
            evidence.add(ruleEvidence.get(i));
            out.add(new Finding(rule.cause(), rule.severity(), rule.confidence(), rule.title(), evidence,
                    provider.id(), rule.id(), rule.procedure()));
        }
        return out;
    }

    private static boolean allHold(List<Condition> conditions, AccountProfile account) {
        for (Condition c : conditions) {
            if (!c.test(account)) {
                return false;
            }
        }
        return true;
    }

    /** @return for each rule of the provider, the evidence naming it and its conditions */
    static List<Evidence> ruleEvidence(ProviderDescriptor provider) {
        return provider.rules().stream().map(rule -> Evidences.rule(provider.id() + "/" + rule.id(),
                rule.title() + " [when " + conditionsText(rule.conditions()) + "]")).toList();
    }

    private static String conditionsText(List<Condition> conditions) {
        StringBuilder b = new StringBuilder();
        for (Condition c : conditions) {
            b.append(b.length() == 0 ? "" : " and ").append(c);
        }
        return b.toString();
    }

    /** Findings of the code rules whose preconditions hold; failures go to {@code errors}. */
    List<Finding> code(AccountProfile account, ProviderDescriptor provider, Duration budget, Watch watch,
            List<DiagnosisError> errors) {
        List<Finding> out = new ArrayList<>();
        for (RuleDescriptor rule : provider.rules()) {
            if (!rule.isCode() || !allHold(rule.conditions(), account)) {
                continue;
            }
            Quarantine q = quarantined.get(provider.id() + "/" + rule.id());
            if (q != null && q.provider().equals(provider)) {
                // the diagnosis during which it overran says so; later ones say it was skipped
                errors.add(new DiagnosisError(provider.id(), rule.id(),
                        q.announced().compareAndSet(false, true) ? q.reason() : "skipped: it " + q.reason() + " earlier"));
                continue;
            }
            try {
                DiagnosisRule instance = catalog.createRule(provider, rule);
                out.addAll(call(instance, account, provider, rule, budget, watch, errors));
            } catch (RuleCreationException e) {
                // the catalog has recorded the load problem already; the diagnosis says so too
                errors.add(new DiagnosisError(provider.id(), rule.id(), e.getMessage()));
            }
        }
        return out;
    }

    /** Called by the supervisor when a rule overran and its worker was abandoned. */
    void overran(ProviderDescriptor provider, RuleDescriptor rule, Duration budget) {
        quarantined.put(provider.id() + "/" + rule.id(),
                new Quarantine(provider, overrunMessage(budget), new AtomicBoolean()));
        report(provider, rule, overrunMessage(budget));
    }

    static String overrunMessage(Duration budget) {
        return "did not finish within its budget of " + budget.toMillis() + " ms";
    }

    private List<Finding> call(DiagnosisRule instance, AccountProfile account, ProviderDescriptor provider,
            RuleDescriptor rule, Duration budget, Watch watch, List<DiagnosisError> errors) {
        RuleContext context = new Context(account, provider, rule);
        List<Finding> findings;
        long start = watch.enter(provider, rule);
        try {
            findings = instance.evaluate(context);
        } catch (Exception | LinkageError | StackOverflowError e) {
            fail(provider, rule, "threw " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    errors);
            return List.of();
        } finally {
            watch.exit();
        }
        if (System.nanoTime() - start > budget.toNanos()) {
            // it came back, but too late: same verdict as if the supervisor had abandoned it
            quarantined.put(provider.id() + "/" + rule.id(),
                    new Quarantine(provider, overrunMessage(budget), new AtomicBoolean(true)));
            fail(provider, rule, overrunMessage(budget), errors);
            return List.of();
        }
        return validate(findings, provider, rule, errors);
    }

    private List<Finding> validate(List<Finding> findings, ProviderDescriptor provider, RuleDescriptor rule,
            List<DiagnosisError> errors) {
        if (findings == null) {
            fail(provider, rule, "returned null instead of a list of findings", errors);
            return List.of();
        }
        List<Finding> valid = new ArrayList<>(findings.size());
        Set<String> procedures = new java.util.HashSet<>();
        provider.procedures().forEach(p -> procedures.add(p.id()));
        for (Object o : findings) {
            if (!(o instanceof Finding f)) {
                fail(provider, rule, "returned " + (o == null ? "null" : o.getClass().getName())
                        + " in its findings", errors);
                continue;
            }
            if (!CauseCode.isValidFor(f.code(), provider.id())) {
                fail(provider, rule, "returned a finding with unknown cause '" + f.code() + "'", errors);
                continue;
            }
            if (!f.provider().equals(provider.id())) {
                fail(provider, rule, "returned a finding attributed to provider '" + f.provider() + "'", errors);
                continue;
            }
            if (f.procedure().isPresent() && !procedures.contains(f.procedure().get())) {
                fail(provider, rule, "refers to unknown procedure '" + f.procedure().get() + "'", errors);
                continue;
            }
            valid.add(f);
        }
        return valid;
    }

    private void fail(ProviderDescriptor provider, RuleDescriptor rule, String message, List<DiagnosisError> errors) {
        errors.add(new DiagnosisError(provider.id(), rule.id(), message));
        report(provider, rule, message);
    }

    private void report(ProviderDescriptor provider, RuleDescriptor rule, String message) {
        String where = "provider[" + provider.id() + "]/rule[" + rule.id() + "]";
        catalog.report(new LoadProblem(provider.origin().bundle(), where, "rule " + message, "its findings"));
    }

    private record Context(AccountProfile account, ProviderDescriptor provider, RuleDescriptor rule)
            implements RuleContext {
    }
}
