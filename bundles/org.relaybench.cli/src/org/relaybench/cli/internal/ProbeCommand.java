package org.relaybench.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.Severity;
import org.relaybench.probe.AccountProbe;
import org.relaybench.probe.DnsQuery;
import org.relaybench.probe.LoginRequest;
import org.relaybench.probe.ProbeEvidence;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.ProbeSettings;
import org.relaybench.probe.Secret;
import org.relaybench.session.SupportSessions;

/** {@code relaybench probe}: asks a real SMTP server, safely, what it thinks of these settings. */
final class ProbeCommand implements Command {

    private static final Set<String> VALUED = Set.of("host", "port", "security", "user", "password-env", "from",
            "fail-on", "incoming-host", "incoming-port", "incoming-security", "incoming-protocol", "incoming-user");

    private final ServicesLookup services;
    private final Map<String, String> env;
    private final InputStream stdin;

    ProbeCommand(ServicesLookup services, Map<String, String> env, InputStream stdin) {
        this.services = services;
        this.env = env;
        this.stdin = stdin;
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String summary() {
        return "probe a real SMTP server without sending a message";
    }

    @Override
    public String help() {
        return """
                Usage: relaybench probe --host H --port N [--security none|starttls|tls] [options]

                Connects to the server and walks the SMTP dialogue a mail app would: greeting, EHLO,
                STARTTLS or implicit TLS (protocol, cipher, certificate), the AUTH mechanisms offered,
                AUTH with the given credentials, MAIL FROM and RCPT TO an outside address, then RSET
                and QUIT. It never sends DATA: no message is ever sent. With credentials, the relay
                test runs first without and then with them. Every stage has a deadline and so has the
                whole probe; the probe ends with a cause code (smtp-auth-missing, tls-required,
                no-greeting, server-too-slow, ...) or none when the server behaved.

                Options:
                  --host H, --port N        the server (required)
                  --security S              none | starttls | tls (default: tls on 465, starttls on 587,
                                            else none)
                  --user U                  authenticate as U, with the password from
                  --password-env VAR        an environment variable, or
                  --password-stdin          the first line of standard input (never the command line)
                  --from ADDR               MAIL FROM (default: the user name when it is an address)
                  --to ADDR                 the outside RCPT TO address (default relaybench-probe@example.com)
                  --timeout SECONDS         deadline of the whole probe (default 20; each stage gets a third,
                                            at most 10 s)
                  --trust-cert PEM          trust these certificates instead of the JDK's
                  --insecure                accept any certificate (its problems are still reported)
                  --dns HOST[:PORT]         also look up the address's domain (MX, submission SRV) and the
                                            host in this DNS server
                  --incoming-host H, --incoming-port N, --incoming-security S,
                  --incoming-protocol imap|pop3, --incoming-user U
                                            also check the same password on the incoming server
                  --fail-on error|warning   exit 1 when the probe's cause is at least that severe
                  --json                    print {"host", "port", "security", "stages": [{"name", "ok",
                                            "reply", "millis"}], "code", "transcript", ...}
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(VALUED);
        valued.addAll(ProbeOptions.VALUED);
        Set<String> flags = new HashSet<>(ProbeOptions.FLAGS);
        flags.addAll(Set.of("json", "password-stdin"));
        Arguments a = Arguments.parse(args, valued, flags);
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument: " + a.positional().get(0));
        }
        String host = a.value("host").orElseThrow(() -> new UsageException("--host is required"));
        if (a.value("port").isEmpty()) {
            throw new UsageException("--port is required");
        }
        int port = a.integer("port", 0, 1, 65535);
        Security security = a.value("security").isPresent() ? Security.parse(a.value("security").get())
                .orElseThrow(() -> new UsageException("--security must be none, starttls or tls: " + a.value("security").get()))
                : MailProtocol.SMTP.defaultSecurity(port);
        Optional<Severity> failOn = DiagnoseCommand.failOn(a);
        ProbeSettings settings = ProbeOptions.settings(a);
        Optional<char[]> chars = AccountOptions.password(a, env, stdin);
        Optional<Secret> secret = chars.map(Secret::of);
        chars.ifPresent(c -> Arrays.fill(c, '\0'));
        try {
            Optional<String> user = a.value("user");
            if (secret.isPresent() != user.isPresent()) {
                throw new UsageException(user.isPresent() ? "--user needs --password-env or --password-stdin"
                        : "a password needs --user");
            }
            ProbeRequest.Builder b = ProbeRequest.builder(host, port, security).to(settings.to())
                    .timeout(settings.timeout()).stageTimeout(settings.stageTimeout()).trust(settings.trust());
            a.value("from").ifPresent(b::from);
            user.ifPresent(u -> b.credentials(u, secret.get()));
            ProbeRequest request = b.build();
            Optional<LoginRequest> login = incoming(a, user, secret, settings);
            Optional<DnsQuery> dns = Optional.empty();
            if (settings.dns().isPresent()) {
                String address = request.sender();
                String domain = address.substring(address.lastIndexOf('@') + 1);
                dns = Optional.of(new DnsQuery(domain, Optional.of(host), settings.dns(), settings.timeout()));
            }
            AccountProbe probe = services.get(SupportSessions.class).probe(request, login, dns, null);
            ProbeReport report = probe.smtp().orElseThrow();
            if (a.flag("json")) {
                out.println(Json.write(ProbeJson.tree(probe)));
            } else {
                ProbeText.print(probe, out);
            }
            boolean fails = failOn.isPresent() && ProbeEvidence.findings(report).stream()
                    .anyMatch(f -> f.severity().compareTo(failOn.get()) >= 0);
            return fails ? ExitCode.FINDINGS : ExitCode.OK;
        } finally {
            secret.ifPresent(Secret::clear);
        }
    }

    private Optional<LoginRequest> incoming(Arguments a, Optional<String> user, Optional<Secret> secret,
            ProbeSettings settings) throws UsageException {
        if (a.value("incoming-host").isEmpty()) {
            return Optional.empty();
        }
        if (secret.isEmpty()) {
            throw new UsageException("--incoming-host needs a password (--password-env or --password-stdin)");
        }
        MailProtocol protocol = MailProtocol.parse(a.value("incoming-protocol").orElse("imap")).filter(MailProtocol::incoming)
                .orElseThrow(() -> new UsageException("--incoming-protocol must be imap or pop3"));
        Security security = Security.parse(a.value("incoming-security").orElse("none"))
                .orElseThrow(() -> new UsageException("--incoming-security must be none, starttls or tls"));
        int port = a.integer("incoming-port", protocol.defaultPort(security), 1, 65535);
        String login = a.value("incoming-user").or(() -> user).orElseThrow();
        return Optional.of(new LoginRequest(protocol, a.value("incoming-host").get(), port, security, login, secret.get(),
                settings.timeout(), settings.trust()));
    }
}
