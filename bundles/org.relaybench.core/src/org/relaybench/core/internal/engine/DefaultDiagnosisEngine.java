package org.relaybench.core.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.CauseCode;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.diagnosis.DiagnosisError;
import org.relaybench.core.diagnosis.DiagnosisOptions;
import org.relaybench.core.diagnosis.ReplyMatch;
import org.relaybench.core.internal.classify.ReplyClassifier;
import org.relaybench.core.providers.Exemption;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;

/**
 * The diagnosis engine service. Order of work, fixed so that results are deterministic: match the
 * provider; built-in checks; the provider's declarative rules; its code rules (isolated); the error
 * text; outside evidence; then the provider's exceptions, derived causes, the settings weighed against the
 * reply ({@link ReplyAgainstSettings}), merging, refutations (a live probe that saw the settings work), ranking
 * and procedures. Contributed code runs under the {@link Sandbox}'s supervision: see {@link RuleRunner} for
 * budgets and quarantine, and {@link DiagnosisOptions#deadline()} for the diagnosis as a whole.
 */
@Component(service = DiagnosisEngine.class)
public final class DefaultDiagnosisEngine implements DiagnosisEngine {

    private static final Set<String> SETTING_CAUSES = Set.of(CauseCode.SMTP_AUTH_MISSING.code(),
            CauseCode.WRONG_SMTP_HOST.code(), CauseCode.WRONG_SMTP_PORT.code(), CauseCode.WRONG_SECURITY.code(),
            CauseCode.SMTP_USERNAME_FORM.code(), CauseCode.OAUTH_REQUIRED.code());
    private static final Set<String> SEND_REFUSED = Set.of(CauseCode.SMTP_AUTH_MISSING.code(),
            CauseCode.RELAY_DENIED.code(), CauseCode.SMTP_CREDENTIALS_REJECTED.code());

    @Reference
    private ProviderCatalog catalog;

    private final ReplyFindings replies = new ReplyFindings(new ReplyClassifier());
    private volatile ProviderIndex index;
    private RuleRunner runner;
    private Sandbox sandbox;

    /** For DS. */
    public DefaultDiagnosisEngine() {
    }

    /**
     * Creates an engine outside OSGi (benchmarks, tests).
     *
     * @param catalog the provider catalog
     */
    public DefaultDiagnosisEngine(ProviderCatalog catalog) {
        this.catalog = catalog;
        activate();
    }

    @Activate
    void activate() {
        runner = new RuleRunner(catalog);
        sandbox = new Sandbox(runner);
    }

    /** Stops the workers. */
    @Deactivate
    public void deactivate() {
        sandbox.close();
    }

    /**
     * @param wait how long to wait for the catalog to take in contributions the registry announced (see
     *        {@link ProviderCatalog#awaitCurrent(Duration)})
     */
    private ProviderIndex index(Duration wait) {
        ProviderCatalog.Snapshot snapshot = catalog.awaitCurrent(wait);
        ProviderIndex current = index;
        if (current == null || current.generation() != snapshot.generation()) {
            current = new ProviderIndex(snapshot);
            index = current;
        }
        return current;
    }

    @Override
    public Optional<ProviderDescriptor> recognise(String email, List<String> mxHosts) {
        String address = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1);
        if (domain.isEmpty() && mxHosts.isEmpty()) {
            return Optional.empty();
        }
        return index(Duration.ZERO).match(domain, List.copyOf(mxHosts), Optional.empty())
                .filter(p -> !p.generic() || !domain.isEmpty());
    }

    @Override
    public Diagnosis diagnose(AccountProfile account, DiagnosisOptions options) {
        return diagnoseAll(List.of(account), options).get(0);
    }

    @Override
    public List<Diagnosis> diagnoseAll(List<AccountProfile> accounts, DiagnosisOptions options) {
        return diagnoseAll(accounts, options, (i, d) -> d);
    }

    @Override
    public <R> List<R> diagnoseAll(List<AccountProfile> accounts, DiagnosisOptions options,
            BiFunction<Integer, ? super Diagnosis, ? extends R> then) {
        Objects.requireNonNull(then, "then");
        List<AccountProfile> list = List.copyOf(accounts);
        ProviderIndex idx = index(options.deadline());
        return sandbox.run(list.size(), options.ruleBudget(), options.deadline(),
                (i, watch) -> Objects.requireNonNull(then.apply(i, diagnose(list.get(i), options, idx, watch, watch.late(i))),
                        "then made no result"));
    }

    /**
     * @param late whether the account's deadline passed in an earlier attempt: then it is diagnosed with
     *        the engine's own code only, without the provider's rules and known replies (contributed code
     *        and patterns), and the diagnosis says so
     */
    private Diagnosis diagnose(AccountProfile account, DiagnosisOptions options, ProviderIndex idx, Watch watch,
            boolean late) {
        Optional<ProviderDescriptor> match = idx.match(account.domain(), options.mxHosts(), options.providerId());
        ProviderDescriptor provider = match.orElse(null);
        ProviderIndex.Prepared prepared = provider == null ? null : idx.prepared(provider);
        List<DiagnosisError> errors = new ArrayList<>();
        if (options.providerId().isPresent() && match.isEmpty()) {
            errors.add(new DiagnosisError(options.providerId().get(), "", "no such provider is installed"));
        }

        if (late) {
            errors.add(new DiagnosisError(provider == null ? BuiltinChecks.CORE : provider.id(), "",
                    "the diagnosis did not finish within its deadline of " + options.deadline().toMillis()
                            + " ms: diagnosed again without the provider's rules and known replies"
                            + (provider == null ? "" : " [contributed by " + provider.origin().bundle() + "]")));
        }

        List<Finding> findings = new ArrayList<>();
        BuiltinChecks.run(account, prepared, findings);
        if (provider != null && !late) {
            RuleRunner.declarative(account, prepared, findings);
            runner.code(account, prepared, options.ruleBudget(), watch, errors, findings);
        } else if (provider != null) {
            runner.listQuarantined(prepared, watch, errors);
        }
        ReplyFindings.Reading reading = options.classifyErrorText()
                ? replies.read(account.errorText(), provider, provider == null || late ? List.of() : prepared.replies,
                        provider == null ? null : prepared.readings)
                : ReplyFindings.Reading.NONE;
        List<ReplyMatch> matches = reading.matches();
        findings.addAll(reading.findings());
        findings.addAll(options.evidence());

        if (provider != null && BuiltinChecks.credentialsFromAccount(account, provider)) {
            findings = credentialsFromAccount(findings, provider);
        }
        derived(account, provider, findings, matches);
        findings = ReplyAgainstSettings.weigh(account, provider, findings, matches);

        Map<String, Procedure> procedures = new LinkedHashMap<>();
        List<Finding> merged = FindingMerger.refute(FindingMerger.merge(findings), options.refutations());
        List<Finding> ranked = FindingMerger.attachProcedures(merged, provider, idx, procedures);
        return new Diagnosis(account, Optional.ofNullable(provider), ranked, matches, procedures, errors);
    }

    /**
     * With Exchange and iCloud on Apple devices the outgoing server has no credentials of its own:
     * "authentication missing" means the account's own sign-in is stale, and is reported as such with
     * the provider's procedure, never as "enter the outgoing password".
     */
    private static List<Finding> credentialsFromAccount(List<Finding> findings, ProviderDescriptor provider) {
        Exemption exemption = null;
        for (Exemption e : provider.exemptions()) {
            if (e.kind() == Exemption.Kind.OUTGOING_CREDENTIALS_FROM_ACCOUNT) {
                exemption = e;
                break;
            }
        }
        if (exemption == null) {
            throw new NoSuchElementException("no exemption " + Exemption.Kind.OUTGOING_CREDENTIALS_FROM_ACCOUNT);
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!f.code().equals(CauseCode.SMTP_AUTH_MISSING.code())) {
                out.add(f);
                continue;
            }
            List<Evidence> evidence = new ArrayList<>(f.evidence());
            evidence.add(new Evidence(Evidence.Kind.PROVIDER, "exception", exemption.description()));
            out.add(new Finding(CauseCode.ACCOUNT_STALE.code(), f.severity(), f.confidence(),
                    provider.name() + ": the outgoing server uses the account's own sign-in; it needs refreshing",
                    evidence, f.provider(), f.rule(), Optional.empty()));
        }
        return out;
    }

    /**
     * Causes that follow from the others: another server to switch to, app passwords, a stale account.
     * They are added to {@code findings}, after all of those they follow from.
     */
    private static void derived(AccountProfile account, ProviderDescriptor provider, List<Finding> findings,
            List<ReplyMatch> matches) {
        boolean settingError = false;
        boolean rejected = false;
        for (Finding f : findings) {
            settingError |= f.severity() == Severity.ERROR && SETTING_CAUSES.contains(f.code());
            rejected |= f.code().equals(CauseCode.SMTP_CREDENTIALS_REJECTED.code());
        }
        Optional<ServerSettings> effective = account.effectiveOutgoing();
        ServerSettings alternative = null;
        if (settingError) {
            for (ServerSettings s : account.otherOutgoing()) {
                if (s.sendsCredentials() && (effective.isEmpty() || s != effective.get())) {
                    alternative = s;
                    break;
                }
            }
        }
        if (alternative != null) {
            findings.add(new Finding(CauseCode.PRIMARY_SMTP_BROKEN.code(), Severity.WARNING, 0.35,
                    "Another configured outgoing server (" + alternative.address() + ") could send while the primary is fixed",
                    List.of(Evidences.setting("other smtp", Evidences.describe(alternative))),
                    BuiltinChecks.CORE, "core.other-server", Optional.empty()));
        }
        if (rejected) {
            BuiltinChecks.applicable(account, provider, Exemption.Kind.APP_PASSWORD_REQUIRED).ifPresent(e -> findings.add(
                    new Finding(CauseCode.APP_PASSWORD_REQUIRED.code(), Severity.ERROR, 0.5,
                            provider.name() + " refuses the password: mail apps need an app password",
                            List.of(Evidences.provider("exception", e.description())), BuiltinChecks.CORE,
                            "core.app-password", Optional.empty())));
        }
        boolean refused = false;
        for (ReplyMatch m : matches) {
            refused |= SEND_REFUSED.contains(m.cause());
        }
        if (refused && effective.isPresent() && !settingError && !ReplyFindings.clearsSettings(matches)) {
            findings.add(new Finding(CauseCode.ACCOUNT_STALE.code(), Severity.ERROR, 0.4,
                    "The settings look right, yet the server refuses: remove the account and add it back",
                    List.of(Evidences.setting("smtp", Evidences.describe(effective.get()))),
                    BuiltinChecks.CORE, "core.settings-look-right", Optional.empty()));
        }
    }
}
