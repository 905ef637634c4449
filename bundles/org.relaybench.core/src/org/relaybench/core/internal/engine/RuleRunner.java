package org.relaybench.core.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ISafeRunnable;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.SafeRunner;
import org.osgi.framework.Bundle;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.CauseCode;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.diagnosis.DiagnosisEngine;
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
 * they are created and run on the diagnosing thread, which is always a {@link Sandbox} worker watched
 * by a supervisor, each step under the rule's time budget, and through {@link SafeRunner} so that the
 * platform's error log sees what they throw. A rule that throws, overruns or returns findings that are
 * not valid is reported in the diagnosis' errors, naming its contributing bundle, and its results are
 * dropped.
 * <p>
 * Quarantine: a rule that overran is quarantined at once (it holds a thread, or held the diagnosis);
 * one that failed {@value DiagnosisEngine#QUARANTINE_AFTER} times in a row is quarantined then. The
 * catalog is told once, when the quarantine begins; afterwards the rule is neither created nor run,
 * and each diagnosis lists it as skipped. The quarantine lasts while the provider and its contributing
 * bundle stay as they were: a changed provider, or a bundle updated or installed again, is tried
 * afresh.
 */
final class RuleRunner {

    private final ProviderCatalog catalog;

    /**
     * How one code rule has fared since its provider was loaded as it is. Guarded by its own monitor;
     * replaced by a fresh record, not reset, when the provider or its bundle changes.
     */
    private static final class Health {
        final ProviderDescriptor provider;
        final String bundleStamp;
        int failures;
        /** Why it is quarantined, null while it may run. */
        String quarantine;
        /**
         * The diagnosis that is still to say why (the account of a {@link Sandbox} run whose worker was
         * abandoned); null when the diagnosis in which it failed said so itself. Others say it was skipped.
         */
        Object announceRun;
        int announceIndex;

        Health(ProviderDescriptor provider, String bundleStamp) {
            this.provider = provider;
            this.bundleStamp = bundleStamp;
        }
    }

    /** Rules that failed at least once, by provider/rule id. */
    private final Map<String, Health> health = new ConcurrentHashMap<>();

    RuleRunner(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Adds the findings of the declarative rules whose conditions all hold, in declared order.
     *
     * @param prepared the provider, with the RULE evidence of each of its rules (see
     *        {@link #ruleEvidence(ProviderDescriptor)}), prepared once per catalog generation
     * @param out where the findings are added
     */
    static void declarative(AccountProfile account, ProviderIndex.Prepared prepared, List<Finding> out) {
        ProviderDescriptor provider = prepared.provider;
        List<RuleDescriptor> rules = provider.rules();
        for (int i = 0; i < rules.size(); i++) {
            RuleDescriptor rule = rules.get(i);
            if (rule.isCode() || !allHold(rule.conditions(), account)) {
                continue;
            }
            Evidence[] evidence = new Evidence[rule.conditions().size() + 1];
            int k = 0;
            for (Condition c : rule.conditions()) {
                evidence[k++] = Evidences.setting(c.field().id(), c.field().read(account).orElse("(not set)"));
            }
            evidence[k] = prepared.ruleEvidence.get(i);
            out.add(new Finding(rule.cause(), rule.severity(), rule.confidence(), rule.title(), List.of(evidence),
                    provider.id(), rule.id(), rule.procedure()));
        }
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

    /**
     * Adds the findings of the code rules whose preconditions hold to {@code out}; failures go to
     * {@code errors}.
     */
    void code(AccountProfile account, ProviderIndex.Prepared prepared, Duration budget, Watch watch,
            List<DiagnosisError> errors, List<Finding> out) {
        ProviderDescriptor provider = prepared.provider;
        List<RuleDescriptor> rules = provider.rules();
        for (int i = 0; i < rules.size(); i++) {
            RuleDescriptor rule = rules.get(i);
            if (!rule.isCode() || !allHold(rule.conditions(), account)) {
                continue;
            }
            String key = prepared.ruleKeys[i];
            Optional<String> skipped = quarantined(provider, rule, key, watch);
            if (skipped.isPresent()) {
                errors.add(error(provider, rule, skipped.get()));
                continue;
            }
            out.addAll(run(account, prepared, rule, key, budget, watch, errors));
        }
    }

    /**
     * Lists the provider's quarantined code rules as skipped, running nothing: for a late diagnosis,
     * which runs no contributed code.
     */
    void listQuarantined(ProviderIndex.Prepared prepared, Watch watch, List<DiagnosisError> errors) {
        ProviderDescriptor provider = prepared.provider;
        List<RuleDescriptor> rules = provider.rules();
        for (int i = 0; i < rules.size(); i++) {
            RuleDescriptor rule = rules.get(i);
            if (rule.isCode()) {
                quarantined(provider, rule, prepared.ruleKeys[i], watch)
                        .ifPresent(why -> errors.add(error(provider, rule, why)));
            }
        }
    }

    /**
     * @param key the rule's {@link #key}
     * @return why the rule is skipped, when it is quarantined for the provider and bundle as they are
     */
    private Optional<String> quarantined(ProviderDescriptor provider, RuleDescriptor rule, String key, Watch watch) {
        if (health.isEmpty()) {
            return Optional.empty(); // no rule has failed: the common case, without a look-up
        }
        Health h = health.get(key);
        if (h == null) {
            return Optional.empty();
        }
        synchronized (h) {
            if (h.quarantine == null) {
                return Optional.empty();
            }
            if (!h.provider.equals(provider) || !h.bundleStamp.equals(bundleStamp(provider))) {
                health.remove(key, h); // reloaded: tried afresh
                return Optional.empty();
            }
            // the diagnosis during which it overran says why; later ones say it was skipped
            return Optional.of(h.announceRun == watch.run && h.announceIndex == watch.index ? h.quarantine
                    : "skipped: quarantined since it " + h.quarantine);
        }
    }

    private List<Finding> run(AccountProfile account, ProviderIndex.Prepared prepared, RuleDescriptor rule, String key,
            Duration budget, Watch watch, List<DiagnosisError> errors) {
        ProviderDescriptor provider = prepared.provider;
        Attempt<DiagnosisRule> created = attempt(watch, provider, rule, Watch.Phase.CREATE,
                () -> catalog.createRule(provider, rule));
        if (created.failure != null) {
            // a creation failure the catalog recorded itself is not reported again
            boolean recorded = created.failure instanceof RuleCreationException;
            failed(provider, rule, recorded ? created.failure.getMessage() : "could not be created: "
                    + describe(created.failure), !recorded, errors);
            return List.of();
        }
        if (created.nanos > budget.toNanos()) {
            // it came back, but too late: same verdict as if the supervisor had abandoned it
            overran(provider, rule, overrunMessage(Watch.Phase.CREATE, budget), null);
            errors.add(error(provider, rule, overrunMessage(Watch.Phase.CREATE, budget)));
            return List.of();
        }
        DiagnosisRule instance = created.value;
        RuleContext context = new Context(account, provider, rule);
        Attempt<List<Finding>> evaluated = attempt(watch, provider, rule, Watch.Phase.EVALUATE,
                () -> instance.evaluate(context));
        if (evaluated.failure != null) {
            failed(provider, rule, "threw " + describe(evaluated.failure), true, errors);
            return List.of();
        }
        if (evaluated.nanos > budget.toNanos()) {
            overran(provider, rule, overrunMessage(Watch.Phase.EVALUATE, budget), null);
            errors.add(error(provider, rule, overrunMessage(Watch.Phase.EVALUATE, budget)));
            return List.of();
        }
        List<String> invalid = new ArrayList<>();
        List<Finding> valid = validate(evaluated.value, prepared, invalid);
        if (invalid.isEmpty()) {
            succeeded(key);
            return valid;
        }
        for (int i = 1; i < invalid.size(); i++) {
            errors.add(error(provider, rule, invalid.get(i)));
        }
        failed(provider, rule, invalid.get(0), true, errors); // one failure per call, however many findings
        return List.of();
    }

    /** The outcome of one step of contributed code. */
    private static final class Attempt<T> {
        T value;
        Throwable failure;
        long nanos;
    }

    /** A step of contributed code that may throw anything. */
    private interface Step<T> {
        T call() throws Exception;
    }

    /**
     * Runs one step of contributed code through {@link SafeRunner} (which logs what it throws to the
     * platform's error log) while the watch tells the supervisor which rule it is in, and since when.
     */
    private static <T> Attempt<T> attempt(Watch watch, ProviderDescriptor provider, RuleDescriptor rule,
            Watch.Phase phase, Step<T> step) {
        Attempt<T> attempt = new Attempt<>();
        long start = watch.enter(provider, rule, phase);
        try {
            SafeRunner.run(new ISafeRunnable() {
                @Override
                public void run() throws Exception {
                    attempt.value = step.call();
                }

                @Override
                public void handleException(Throwable exception) {
                    attempt.failure = exception;
                }
            });
        } catch (StackOverflowError e) { // SafeRunner passes these on
            attempt.failure = e;
        } finally {
            watch.exit();
        }
        attempt.nanos = System.nanoTime() - start;
        return attempt;
    }

    private static String describe(Throwable e) {
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * Called when creating or running a rule overran: by the supervisor when it abandoned the worker,
     * or by the worker when the rule came back too late. The rule is quarantined at once.
     *
     * @param abandoned the watch of the abandoned worker, whose account is diagnosed again and then says
     *        why; null when the diagnosis has said why already
     */
    void overran(ProviderDescriptor provider, RuleDescriptor rule, String message, Watch abandoned) {
        Health h = health(provider, rule);
        synchronized (h) {
            if (h.quarantine != null) {
                return;
            }
            h.failures++;
            h.quarantine = message;
            if (abandoned != null) {
                h.announceRun = abandoned.run;
                h.announceIndex = abandoned.index;
            }
        }
        report(provider, rule, message);
    }

    static String overrunMessage(Watch.Phase phase, Duration budget) {
        return (phase == Watch.Phase.CREATE ? "was not created" : "did not finish") + " within its budget of "
                + budget.toMillis() + " ms" + (phase == Watch.Phase.CREATE ? " (its constructor or static initialiser blocks)" : "");
    }

    static String deadlineMessage(Watch.Phase phase, Duration deadline) {
        return (phase == Watch.Phase.CREATE ? "was being created" : "was running") + " when the diagnosis overran its deadline of "
                + deadline.toMillis() + " ms";
    }

    /** Counts a failure; the rule is quarantined at the last one allowed. */
    private void failed(ProviderDescriptor provider, RuleDescriptor rule, String message, boolean reportToCatalog,
            List<DiagnosisError> errors) {
        errors.add(error(provider, rule, message));
        Health h = health(provider, rule);
        String quarantine;
        synchronized (h) {
            if (h.quarantine != null || ++h.failures < DiagnosisEngine.QUARANTINE_AFTER) {
                return;
            }
            quarantine = message + " (" + h.failures + " times in a row)";
            h.quarantine = quarantine; // this diagnosis said why already
        }
        if (reportToCatalog) {
            report(provider, rule, quarantine);
        }
    }

    private void succeeded(String key) {
        if (health.isEmpty()) {
            return;
        }
        Health h = health.get(key);
        if (h != null) {
            synchronized (h) {
                if (h.quarantine == null) {
                    h.failures = 0;
                }
            }
        }
    }

    /** @return the rule's health record for the provider and bundle as they are now */
    private Health health(ProviderDescriptor provider, RuleDescriptor rule) {
        String stamp = bundleStamp(provider);
        return health.compute(key(provider, rule), (k, old) -> old != null && old.provider.equals(provider)
                && old.bundleStamp.equals(stamp) ? old : new Health(provider, stamp));
    }

    private static String key(ProviderDescriptor provider, RuleDescriptor rule) {
        return provider.id() + "/" + rule.id();
    }

    /**
     * @return the identity of the contributing bundle as installed now: its id and last modification,
     *         which change when it is installed again or updated; empty outside OSGi
     */
    static String bundleStamp(ProviderDescriptor provider) {
        try {
            Bundle bundle = Platform.getBundle(provider.origin().bundle());
            return bundle == null ? "" : bundle.getBundleId() + "@" + bundle.getLastModified();
        } catch (RuntimeException | LinkageError e) {
            return ""; // no platform running (benchmarks): the provider's equality decides alone
        }
    }

    /** @return the findings that are valid; what is wrong with the others goes to {@code invalid} */
    private static List<Finding> validate(List<Finding> findings, ProviderIndex.Prepared prepared, List<String> invalid) {
        if (findings == null) {
            invalid.add("returned null instead of a list of findings");
            return List.of();
        }
        ProviderDescriptor provider = prepared.provider;
        List<Finding> valid = new ArrayList<>(findings.size());
        for (Object o : findings) {
            if (!(o instanceof Finding f)) {
                invalid.add("returned " + (o == null ? "null" : o.getClass().getName()) + " in its findings");
            } else if (!CauseCode.isValidFor(f.code(), provider.id())) {
                invalid.add("returned a finding with unknown cause '" + f.code() + "'");
            } else if (!f.provider().equals(provider.id())) {
                invalid.add("returned a finding attributed to provider '" + f.provider() + "'");
            } else if (f.procedure().isPresent() && !prepared.byId.containsKey(f.procedure().get())) {
                invalid.add("refers to unknown procedure '" + f.procedure().get() + "'");
            } else {
                valid.add(f);
            }
        }
        return valid;
    }

    /** @return the error for the diagnosis, naming the contributing bundle */
    private static DiagnosisError error(ProviderDescriptor provider, RuleDescriptor rule, String message) {
        return new DiagnosisError(provider.id(), rule.id(), message + " [contributed by " + provider.origin().bundle() + "]");
    }

    private void report(ProviderDescriptor provider, RuleDescriptor rule, String message) {
        // the catalog logs it, once
        String where = "provider[" + provider.id() + "]/rule[" + rule.id() + "]";
        catalog.report(new LoadProblem(provider.origin().bundle(), where, "rule " + message,
                "the rule: quarantined until " + provider.origin().bundle() + " is reloaded"));
    }

    private record Context(AccountProfile account, ProviderDescriptor provider, RuleDescriptor rule)
            implements RuleContext {
    }
}
