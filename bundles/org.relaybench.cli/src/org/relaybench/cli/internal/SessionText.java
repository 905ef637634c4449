package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.Finding;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.StepRecord;
import org.relaybench.core.session.SupportSession;

/** The plain-text form of a logged session ({@code sessions show}). */
final class SessionText {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SessionText() {
    }

    static String minute(Instant t) {
        return MINUTE.format(t);
    }

    static void print(SupportSession s, PrintStream out) {
        out.println("Session " + s.id() + " [" + s.status().id() + "]");
        out.println("  Customer: " + s.customer() + (s.ticket().isEmpty() ? "" : "    Ticket: " + s.ticket()));
        out.println("  Opened:   " + SECOND.format(s.opened()) + " UTC by " + s.agent() + "    Last change: "
                + SECOND.format(s.updated()) + " UTC");
        account(s.account(), out);
        for (int i = 0; i < s.diagnoses().size(); i++) {
            diagnosis(i + 1, s.diagnoses().get(i), out);
        }
        for (ProbeRecord p : s.probes()) {
            out.println();
            out.println("Probe " + p.host() + ":" + p.port() + " (" + p.security() + ") at " + SECOND.format(p.at())
                    + ": " + p.code().orElse("ok") + (p.summary().isEmpty() ? "" : " - " + p.summary()));
            p.transcript().forEach(line -> out.println("    " + line));
        }
        if (!s.steps().isEmpty()) {
            out.println();
            out.println("Fix procedure steps:");
            for (StepRecord st : s.steps()) {
                out.println("  " + st.procedureId() + " / " + st.stepId() + ": " + st.state().id()
                        + (st.note().isEmpty() ? "" : " - " + st.note()) + "  (" + SECOND.format(st.at()) + ", "
                        + st.agent() + ")");
            }
        }
        if (!s.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            s.notes().forEach(n -> out.println("  - " + n));
        }
        out.println();
        out.println("Audit trail:");
        for (AuditEntry e : s.audit()) {
            out.printf("  %3d  %s  %-10s %-9s %s%n", e.sequence(), SECOND.format(e.at()), e.agent(), e.action(),
                    e.detail());
        }
    }

    private static void account(AccountProfile a, PrintStream out) {
        out.println();
        out.println("Account " + a.email() + " on " + a.client() + ", network " + a.network().kind().id()
                + a.network().operator().map(o -> " (" + o + ")").orElse(""));
        a.primaryOutgoing().ifPresent(s -> out.println("  Outgoing:       " + server(s)));
        a.otherOutgoing().forEach(s -> out.println("  Other outgoing: " + server(s)));
        a.incoming().ifPresent(s -> out.println("  Incoming:       " + server(s)));
        if (!a.errorText().isEmpty()) {
            out.println("  Error text:     " + a.errorText());
        }
    }

    private static String server(ServerSettings s) {
        return s.protocol().id() + " " + s.address() + " " + s.security().id() + ", auth " + s.auth().id()
                + s.username().map(u -> ", user " + u).orElse("") + ", password " + (s.passwordSet() ? "set" : "empty")
                + (s.enabled() ? "" : ", off");
    }

    private static void diagnosis(int n, DiagnosisRecord d, PrintStream out) {
        out.println();
        out.println("Diagnosis " + n + " at " + SECOND.format(d.at()) + " UTC, provider "
                + d.providerName().map(name -> name + " [" + d.providerId().orElse("") + "]").orElse("none") + ":");
        if (d.findings().isEmpty()) {
            out.println("  No problem found.");
        }
        int i = 1;
        for (Finding f : d.findings()) {
            out.printf("  %d. %-7s %s (%.0f%%) - %s%n", i++, f.severity().id().toUpperCase(Locale.ROOT), f.code(),
                    f.confidence() * 100, f.title());
        }
        d.errors().forEach(e -> out.println("  Rule failed: " + e.provider() + "/" + e.rule() + ": " + e.message()));
    }
}
