package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.diagnosis.DiagnosisOptions;
import org.relaybench.core.providers.Exemption;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.providers.ServerRecommendation;
import org.relaybench.core.rules.RuleDescriptor;

/** {@code relaybench providers [--json]}: installed providers, their origin and load errors. */
final class ProvidersCommand implements Command {

    private final ServicesLookup services;

    ProvidersCommand(ServicesLookup services) {
        this.services = services;
    }

    @Override
    public String name() {
        return "providers";
    }

    @Override
    public String summary() {
        return "installed providers, their origin and load errors";
    }

    @Override
    public String help() {
        return """
                Usage: relaybench providers [--check] [--json]

                Lists the mail providers installed in this Relaybench, highest priority first: id,
                name, priority, where each came from (built-in, dropins, p2), the domains and MX
                suffixes it matches and the servers it recommends. Contributions that could not be
                loaded are listed after them with the contributing bundle, the element and the reason,
                among them plugins whose bundle does not resolve.

                Code rules are created and run only when a diagnosis needs them, so a rule whose
                class does not load, that throws or that runs too long shows up only then, or with
                --check. A rule that blocks or runs too long is quarantined at once, one that fails
                3 times in a row then; a quarantined rule is listed once, as a load error, and is
                skipped until its bundle is reloaded.

                Options:
                  --check  first create every code rule and diagnose, for each provider with code
                           rules, an account set up as it recommends and one without outgoing
                           authentication, 3 times each, so that faulty rules are quarantined
                           and listed too
                  --json   print one JSON object {"providers": [...], "problems": [...]}
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments a = Arguments.parse(args, Set.of(), Set.of("json", "check"));
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument: " + a.positional().get(0));
        }
        ProviderCatalog catalog = services.get(ProviderCatalog.class);
        if (a.flag("check")) {
            check(catalog, services.get(DiagnosisEngine.class));
        }
        // plugins installed at start-up (dropins) may be in the registry before the catalog has read them
        ProviderCatalog.Snapshot snapshot = catalog.awaitCurrent(CATALOG_WAIT);
        if (a.flag("json")) {
            out.println(Json.write(toJson(snapshot)));
        } else {
            printText(snapshot, out);
        }
        return ExitCode.OK;
    }

    /** How long to wait for the catalog to take in the plugins the registry announced. */
    static final Duration CATALOG_WAIT = Duration.ofSeconds(10);

    /**
     * Creates every code rule and runs the rules of each provider that has code rules on two accounts
     * of its own, {@link DiagnosisEngine#QUARANTINE_AFTER} times each, so that a rule that keeps failing
     * is quarantined; whatever fails is recorded in the catalog (and the rules stay isolated as ever).
     */
    static void check(ProviderCatalog catalog, DiagnosisEngine engine) {
        for (ProviderDescriptor p : catalog.awaitCurrent(CATALOG_WAIT).providers()) {
            if (p.rules().stream().noneMatch(r -> r.isCode())) {
                continue;
            }
            p.rules().stream().filter(r -> r.isCode()).forEach(r -> create(catalog, p, r));
            DiagnosisOptions options = DiagnosisOptions.DEFAULTS.withProviderId(Optional.of(p.id()));
            String email = "relaybench.check@" + (p.domains().isEmpty() ? "check.example" : p.domains().get(0));
            ServerSettings.Builder smtp = ServerSettings.builder(MailProtocol.SMTP);
            p.outgoing().stream().findFirst().ifPresent(s -> smtp.host(s.host()).port(s.port()).security(s.security()));
            AccountProfile recommended = AccountProfile.builder(email).outgoing(smtp.auth(AuthMethod.PASSWORD)
                    .username(email).passwordSet(true).build()).build();
            AccountProfile noAuth = AccountProfile.builder(email).outgoing(smtp.auth(AuthMethod.NONE).build())
                    .errorText("550 5.7.1 Relaying denied").build();
            for (int i = 0; i < DiagnosisEngine.QUARANTINE_AFTER; i++) {
                engine.diagnoseAll(List.of(recommended, noAuth), options);
            }
        }
    }

    /**
     * Creates a code rule on a thread of its own, waiting at most a rule's budget: a rule whose
     * constructor or static initialiser blocks must not hold the command. The engine quarantines such a
     * rule when it meets it; this records the same load problem, which the catalog keeps once.
     */
    private static void create(ProviderCatalog catalog, ProviderDescriptor provider, RuleDescriptor rule) {
        FutureTask<Void> creation = new FutureTask<>(() -> {
            catalog.createRule(provider, rule);
            return null;
        });
        Thread thread = new Thread(creation, "relaybench-check-" + provider.id() + "-" + rule.id());
        thread.setDaemon(true); // left behind if it blocks; it cannot keep the command from exiting
        thread.start();
        Duration budget = DiagnosisOptions.DEFAULTS.ruleBudget();
        try {
            creation.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // recorded by the catalog as a load problem (RuleCreationException), or thrown by the rule
            // itself, which the diagnoses that follow meet and report too
        } catch (TimeoutException e) {
            catalog.report(new LoadProblem(provider.origin().bundle(),
                    "provider[" + provider.id() + "]/rule[" + rule.id() + "]",
                    "rule was not created within its budget of " + budget.toMillis()
                            + " ms (its constructor or static initialiser blocks)",
                    "the rule: quarantined until " + provider.origin().bundle() + " is reloaded"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, Object> toJson(ProviderCatalog.Snapshot snapshot) {
        List<Object> providers = new ArrayList<>();
        for (ProviderDescriptor p : snapshot.providers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("name", p.name());
            m.put("priority", p.priority());
            m.put("description", p.description());
            m.put("generic", p.generic());
            Map<String, Object> origin = new LinkedHashMap<>();
            origin.put("bundle", p.origin().bundle());
            origin.put("version", p.origin().version());
            origin.put("source", p.origin().source());
            m.put("origin", origin);
            m.put("domains", p.domains());
            m.put("mx", p.mxSuffixes());
            m.put("outgoing", p.outgoing().stream().map(ProvidersCommand::server).toList());
            m.put("incoming", p.incoming().stream().map(ProvidersCommand::server).toList());
            m.put("exceptions", p.exemptions().stream().map(ProvidersCommand::exemption).toList());
            m.put("rules", p.rules().stream().map(r -> r.id()).toList());
            m.put("procedures", p.procedures().stream().map(r -> r.id()).toList());
            m.put("replies", p.replies().size());
            providers.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("providers", providers);
        root.put("problems", snapshot.problems().stream().map(ProvidersCommand::problem).toList());
        return root;
    }

    private static Map<String, Object> server(ServerRecommendation s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", s.protocol().id());
        m.put("host", s.host());
        m.put("port", s.port());
        m.put("security", s.security().id());
        m.put("auth", s.auth().id());
        m.put("username", s.username().id());
        m.put("preferred", s.preferred());
        return m;
    }

    private static Map<String, Object> exemption(Exemption e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().id());
        m.put("client", e.client().orElse(null));
        m.put("description", e.description());
        return m;
    }

    private static Map<String, Object> problem(LoadProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contributor", p.contributor());
        m.put("element", p.element());
        m.put("reason", p.reason());
        m.put("skipped", p.skipped());
        return m;
    }

    private static void printText(ProviderCatalog.Snapshot snapshot, PrintStream out) {
        out.println("Providers (" + snapshot.providers().size() + ")");
        for (ProviderDescriptor p : snapshot.providers()) {
            out.printf("  %-12s %-28s priority %4d  %s (%s %s)%n", p.id(), p.name(), p.priority(),
                    p.origin().source(), p.origin().bundle(), p.origin().version());
            if (p.generic()) {
                out.println("               domains: any");
            } else if (!p.domains().isEmpty()) {
                out.println("               domains: " + String.join(", ", p.domains()));
            }
            if (!p.mxSuffixes().isEmpty()) {
                out.println("               mx:      " + String.join(", ", p.mxSuffixes()));
            }
            for (ServerRecommendation s : p.outgoing()) {
                out.println("               smtp:    " + s.describe() + ", auth " + s.auth().id() + ", user "
                        + s.username().id() + (s.preferred() ? " (preferred)" : ""));
            }
        }
        if (!snapshot.problems().isEmpty()) {
            out.println();
            out.println("Load errors (" + snapshot.problems().size() + ")");
            for (LoadProblem p : snapshot.problems()) {
                out.println("  " + p.contributor() + ": " + p.element());
                out.println("      " + p.reason() + (p.skipped().isEmpty() ? "" : " (skipped " + p.skipped() + ")"));
            }
        }
    }
}
