package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.util.Locale;

import org.relaybench.probe.AccountProbe;
import org.relaybench.probe.DnsReport;
import org.relaybench.probe.LoginReport;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeStage;

/** The human-readable form of a probe: verdict, stages, TLS, the transcript; then login and DNS. */
final class ProbeText {

    private ProbeText() {
    }

    static void print(AccountProbe probe, PrintStream out) {
        probe.smtp().ifPresentOrElse(r -> print(r, out), () -> out.println("No outgoing server to probe."));
        probe.incoming().ifPresent(l -> print(l, out));
        probe.dns().ifPresent(d -> print(d, out));
    }

    static void print(ProbeReport r, PrintStream out) {
        out.println("Probe of " + r.host() + ":" + r.port() + " (" + r.security().id() + "): "
                + r.code().orElse("ok") + ", " + r.millis() + " ms");
        out.println("  " + r.summary());
        out.println("Stages:");
        for (ProbeStage s : r.stages()) {
            out.printf(Locale.ROOT, "  %-14s %-4s %6d ms  %s%n", s.name(), s.ok() ? "ok" : "FAIL", s.millis(), s.reply());
        }
        r.tls().ifPresent(t -> out.println("TLS: " + t.protocol() + " " + t.cipher() + "; certificate " + t.subject()
                + ", issuer " + t.issuer() + ", expires " + t.notAfter() + "; host name "
                + (t.hostnameMatches() ? "matches" : "does NOT match") + "; "
                + (t.trusted() ? "trusted" : "NOT trusted: " + t.problem().orElse(""))));
        if (!r.authMechanisms().isEmpty()) {
            out.println("AUTH offered: " + String.join(" ", r.authMechanisms()));
        }
        out.println("Transcript (AUTH payloads hidden):");
        r.transcript().forEach(line -> out.println("  " + line));
    }

    static void print(LoginReport l, PrintStream out) {
        out.println("Login check " + l.protocol().id() + " " + l.host() + ":" + l.port() + " (" + l.security().id()
                + "): " + l.outcome().id() + ", " + l.millis() + " ms" + (l.detail().isEmpty() ? "" : " \u2014 " + l.detail()));
    }

    static void print(DnsReport d, PrintStream out) {
        out.println("DNS (" + d.resolver() + ") " + d.domain() + ": MX " + (d.mx().isEmpty() ? "none" : String.join(", ",
                d.mxHosts())));
        d.submission().forEach(s -> out.println("  _submission._tcp  " + s.target() + ":" + s.port()));
        d.submissions().forEach(s -> out.println("  _submissions._tcp " + s.target() + ":" + s.port()));
        d.smtpHost().ifPresent(h -> out.println("  " + h + ": " + (d.smtpHostMissing() ? "does not exist (NXDOMAIN)"
                : d.smtpAddresses().isEmpty() ? "no address" : String.join(", ", d.smtpAddresses()))));
        d.problems().forEach(p -> out.println("  problem: " + p));
    }
}
