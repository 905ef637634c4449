package org.relaybench.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.diagnosis.DiagnosisOptions;
import org.relaybench.store.StoreException;

/** {@code relaybench diagnose}: diagnoses one account offline from its settings and error text. */
final class DiagnoseCommand implements Command {

    private final ServicesLookup services;
    private final Map<String, String> env;
    private final InputStream stdin;

    DiagnoseCommand(ServicesLookup services, Map<String, String> env, InputStream stdin) {
        this.services = services;
        this.env = env;
        this.stdin = stdin;
    }

    @Override
    public String name() {
        return "diagnose";
    }

    @Override
    public String summary() {
        return "diagnose one account from its settings and error text";
    }

    @Override
    public String help() {
        return """
                Usage: relaybench diagnose --email ADDR [options]
                       relaybench diagnose --account FILE.json [--error TEXT] [options]

                Says what is wrong with an account that cannot send, how sure Relaybench is, why,
                and what to do: findings ranked most likely first, then the steps of the
                recommended procedure worded for the customer's client.

                The account:
                  --email ADDR              the account's address (required without --account)
                  --client C                ios-12, ios-17, ipados-16, macos, outlook, thunderbird, ...
                  --smtp-host H             outgoing (primary SMTP) server as configured
                  --smtp-port N
                  --smtp-security S         none | starttls | tls
                  --smtp-auth A             none | password | oauth2 | app-password (default password)
                  --smtp-user U             outgoing user name as configured
                  --no-smtp-password        the outgoing password field is empty
                  --smtp-off                iOS: the primary outgoing server is switched off
                  --other-smtp SPEC         iOS "other SMTP server": host[:port[:security[:auth[:user]]]]
                  --incoming-host H, --incoming-port N, --incoming-security S,
                  --incoming-protocol imap|pop3, --incoming-user U
                  --network wifi|cellular, --network-operator NAME
                  --error TEXT              the exact error text the customer sees
                  --mx HOSTS                the domain's MX hosts, comma-separated (custom domains)
                  --account FILE            the account as JSON (see examples/)
                  --password-env VAR        a password from an environment variable; for a diagnosis
                  --password-stdin          only its presence counts, it is never printed or kept

                Logging the diagnosis as a support session:
                  --customer NAME           the customer; opens a new session in the session log
                  --ticket REF              the ticket reference
                  --agent NAME              who logs it (default: the user name)
                  --store URL               the session log: jdbc:h2:/path/db (embedded) or
                                            jdbc:postgresql://host/db (shared); default: the
                                            workspace's embedded store. Prints the session id.

                Options:
                  --provider ID             use this provider instead of matching one
                  --no-classify             ignore the error text
                  --fail-on error|warning   exit 1 when a finding is at least that severe
                  --json                    print JSON: email, provider, findings, replies,
                                            procedures, probe, errors (and session {id, store}
                                            when logged)
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(AccountOptions.VALUED);
        valued.addAll(Set.of("provider", "fail-on"));
        valued.addAll(SessionLogging.VALUED);
        Set<String> flags = new HashSet<>(AccountOptions.FLAGS);
        flags.addAll(Set.of("json", "no-classify"));
        Arguments a = Arguments.parse(args, valued, flags);
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument: " + a.positional().get(0));
        }
        SessionLogging.check(a);
        Optional<Severity> failOn = Optional.empty();
        if (a.value("fail-on").isPresent()) {
            String v = a.value("fail-on").get();
            failOn = Severity.parse(v).filter(s -> s != Severity.INFO)
                    .or(() -> Optional.empty());
            if (failOn.isEmpty()) {
                throw new UsageException("--fail-on must be error or warning: " + v);
            }
        }
        AccountOptions.Parsed parsed = AccountOptions.parse(a, env, stdin);
        parsed.password().ifPresent(p -> java.util.Arrays.fill(p, '\0')); // a diagnosis needs only its presence
        DiagnosisOptions options = DiagnosisOptions.DEFAULTS.withClassifyErrorText(!a.flag("no-classify"))
                .withMxHosts(parsed.mx()).withProviderId(a.value("provider"));
        Diagnosis diagnosis = services.get(DiagnosisEngine.class).diagnose(parsed.account(), options);
        SessionLogging.Logged logged = null;
        String notLogged = null;
        if (SessionLogging.requested(a)) {
            try {
                logged = SessionLogging.log(services, a, parsed.account(), diagnosis);
            } catch (StoreException e) {
                notLogged = e.getMessage(); // the diagnosis is still worth printing
            }
        }
        if (a.flag("json")) {
            Map<String, Object> tree = DiagnosisJson.tree(diagnosis, null);
            if (logged != null) {
                Map<String, Object> session = new java.util.LinkedHashMap<>();
                session.put("id", logged.sessionId());
                session.put("store", logged.store());
                tree.put("session", session);
            }
            out.println(Json.write(tree));
        } else {
            DiagnosisText.print(diagnosis, out);
            if (logged != null) {
                out.println();
                out.println("Session " + logged.sessionId() + " logged in " + logged.store());
            }
        }
        if (notLogged != null) {
            err.println("relaybench diagnose: the session was not logged: " + notLogged);
            return ExitCode.INTERNAL;
        }
        return exitCode(diagnosis, failOn);
    }

    static int exitCode(Diagnosis diagnosis, Optional<Severity> failOn) {
        if (failOn.isEmpty()) {
            return ExitCode.OK;
        }
        for (Finding f : diagnosis.findings()) {
            if (f.severity().compareTo(failOn.get()) >= 0) {
                return ExitCode.FINDINGS;
            }
        }
        return ExitCode.OK;
    }
}
