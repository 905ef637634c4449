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
import org.relaybench.store.StoreException;
import org.relaybench.probe.AccountProbe;
import org.relaybench.probe.ProbeSettings;
import org.relaybench.probe.Secret;
import org.relaybench.session.DiagnosisRequest;
import org.relaybench.session.DiagnosisResult;
import org.relaybench.session.SupportSessions;

/**
 * {@code relaybench diagnose}: diagnoses one account from its settings and error text, and with
 * {@code --probe} from what its real servers say.
 */
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
        return "diagnose one account from its settings and error text (and a live probe)";
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

                Live probe (asks the real servers; never sends a message):
                  --probe                   probe the outgoing server with the account's settings
                                            (with the password of --password-env/--password-stdin:
                                            without and with AUTH), check the password on the incoming
                                            server, look up MX and submission SRV records; the results
                                            confirm, add or refute findings
                  --to ADDR                 the outside RCPT TO address (default relaybench-probe@example.com)
                  --timeout SECONDS         deadline of each check (default 20)
                  --trust-cert PEM          trust these certificates instead of the JDK's
                  --insecure                accept any certificate (its problems are still reported)
                  --dns HOST[:PORT]         the DNS server to ask (default: the system's)
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(AccountOptions.VALUED);
        valued.addAll(Set.of("provider", "fail-on"));
        valued.addAll(SessionLogging.VALUED);
        valued.addAll(ProbeOptions.VALUED);
        Set<String> flags = new HashSet<>(AccountOptions.FLAGS);
        flags.addAll(Set.of("json", "no-classify", "probe"));
        flags.addAll(ProbeOptions.FLAGS);
        Arguments a = Arguments.parse(args, valued, flags);
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument: " + a.positional().get(0));
        }
        SessionLogging.check(a);
        Optional<Severity> failOn = failOn(a);
        if (!a.flag("probe") && ProbeOptions.any(a)) {
            throw new UsageException("--to, --timeout, --trust-cert, --insecure and --dns go with --probe");
        }
        ProbeSettings settings = ProbeOptions.settings(a);
        AccountOptions.Parsed parsed = AccountOptions.parse(a, env, stdin);
        // a diagnosis needs only the password's presence; a live probe uses it and clears it after
        Optional<Secret> secret = parsed.password().filter(p -> a.flag("probe")).map(Secret::of);
        parsed.password().ifPresent(p -> java.util.Arrays.fill(p, '\0'));
        DiagnosisRequest request = DiagnosisRequest.of(parsed.account()).withClassifyErrorText(!a.flag("no-classify"))
                .withMxHosts(parsed.mx()).withProviderId(a.value("provider"));
        if (a.flag("probe")) {
            request = request.withProbe(settings, secret);
        }
        DiagnosisResult result;
        try {
            result = services.get(SupportSessions.class).diagnose(request, null);
        } finally {
            secret.ifPresent(Secret::clear);
        }
        Diagnosis diagnosis = result.diagnosis();
        AccountProbe probe = result.probe().orElse(null);
        SessionLogging.Logged logged = null;
        String notLogged = null;
        if (SessionLogging.requested(a)) {
            try {
                logged = SessionLogging.log(services, a, result, err);
            } catch (StoreException e) {
                notLogged = e.getMessage(); // the diagnosis is still worth printing
            }
        }
        if (a.flag("json")) {
            Map<String, Object> tree = DiagnosisJson.tree(diagnosis, probe == null ? null : ProbeJson.tree(probe));
            if (logged != null) {
                Map<String, Object> session = new java.util.LinkedHashMap<>();
                session.put("id", logged.sessionId());
                session.put("store", logged.store());
                tree.put("session", session);
            }
            out.println(Json.write(tree));
        } else {
            DiagnosisText.print(diagnosis, out);
            if (probe != null) {
                out.println();
                out.println("Live probe:");
                ProbeText.print(probe, out);
            }
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

    static Optional<Severity> failOn(Arguments a) throws UsageException {
        if (a.value("fail-on").isEmpty()) {
            return Optional.empty();
        }
        String v = a.value("fail-on").get();
        Optional<Severity> failOn = Severity.parse(v).filter(s -> s != Severity.INFO);
        if (failOn.isEmpty()) {
            throw new UsageException("--fail-on must be error or warning: " + v);
        }
        return failOn;
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
