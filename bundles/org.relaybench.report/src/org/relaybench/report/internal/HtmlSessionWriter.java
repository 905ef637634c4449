package org.relaybench.report.internal;

import static org.relaybench.report.internal.HtmlPage.block;
import static org.relaybench.report.internal.HtmlPage.text;
import static org.relaybench.report.internal.HtmlPage.token;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.FixKit;

/**
 * Writes one session as a self-contained, printable HTML page a customer can read: what was wrong,
 * what was done, the settings to use; then the technical details for the next agent.
 */
public final class HtmlSessionWriter {

    private static final int MAX_TRANSCRIPT_LINES = 400;

    private HtmlSessionWriter() {
    }

    /**
     * @param view the session
     * @param out where to write UTF-8
     * @throws IOException when writing fails
     */
    public static void write(SessionView view, OutputStream out) throws IOException {
        SupportSession s = view.session();
        String customer = s.customer().isBlank() ? s.account().email() : s.customer();
        HtmlPage page = new HtmlPage(NLS.bind(Messages.Report_windowTitle, Text.line(customer, 200)));
        page.raw("<header>\n<div class=\"brand\">Relaybench</div>\n<h1>" + text(Messages.Report_title) + "</h1>\n");
        page.raw("<dl class=\"meta\">\n");
        meta(page, Messages.Label_customer, s.customer());
        meta(page, Messages.Label_ticket, s.ticket());
        meta(page, Messages.Label_account, s.account().email());
        page.raw("<dt>" + text(Messages.Label_status) + "</dt><dd><span class=\"badge b-" + token(s.status().id())
                + "\">" + text(Labels.status(s.status())) + "</span></dd>\n");
        meta(page, Messages.Label_agent, s.agent());
        meta(page, Messages.Label_opened, Text.when(s.opened()));
        page.raw("</dl>\n</header>\n");

        summary(page, view);
        wrong(page, view);
        done(page, view);
        settings(page, view);
        details(page, view);
        page.raw("<footer>" + text(NLS.bind(Messages.Footer, new Object[] { Text.line(s.id(), 100),
                Text.when(view.generated()) })) + "</footer>\n");
        page.writeTo(out);
    }

    private static void meta(HtmlPage page, String label, String value) {
        page.raw("<dt>" + text(label) + "</dt><dd>" + (value.isBlank() ? "—" : text(value)) + "</dd>\n");
    }

    private static void summary(HtmlPage page, SessionView view) {
        List<Finding> findings = view.findings();
        page.raw("<div class=\"summary\">");
        if (findings.isEmpty()) {
            page.raw(text(Messages.Wrong_none));
        } else {
            page.raw("<strong>" + text(Messages.Summary_cause) + "</strong> " + text(findings.get(0).title()));
        }
        page.raw("</div>\n");
    }

    private static void wrong(HtmlPage page, SessionView view) {
        page.raw("<h2>" + text(Messages.Section_wrong) + "</h2>\n");
        AccountProfile a = view.session().account();
        if (!a.errorText().isBlank()) {
            page.raw("<p class=\"muted\">" + text(Messages.Label_errorText) + "</p>\n<blockquote>"
                    + block(a.errorText()) + "</blockquote>\n");
        }
        if (view.findings().isEmpty()) {
            page.raw("<p>" + text(Messages.Wrong_none) + "</p>\n");
        }
        for (Finding f : view.findings()) {
            page.raw("<div class=\"finding " + token(f.severity().id()) + "\">\n<h3>" + text(f.title()) + "</h3>\n");
            page.raw("<div class=\"muted\"><span class=\"badge b-" + token(f.severity().id()) + "\">"
                    + text(Labels.severity(f.severity())) + "</span> "
                    + text(NLS.bind(Messages.Finding_confidence, Text.percent(f.confidence()))) + " · "
                    + text(f.code()));
            String cause = SessionView.causeSummary(f.code());
            if (!cause.isEmpty()) {
                page.raw(" — " + text(cause));
            }
            page.raw("</div>\n");
            if (!f.evidence().isEmpty()) {
                page.raw("<ul>\n");
                for (Evidence e : f.evidence()) {
                    page.raw("<li>" + text(Labels.evidence(e.kind())) + " <b>" + text(e.subject()) + "</b>: "
                            + text(e.detail(), 600) + "</li>\n");
                }
                page.raw("</ul>\n");
            }
            page.raw("</div>\n");
        }
    }

    private static void done(HtmlPage page, SessionView view) {
        page.raw("<h2>" + text(Messages.Section_done) + "</h2>\n");
        if (view.procedures().isEmpty()) {
            page.raw("<p>" + text(Messages.Done_none) + "</p>\n");
        }
        for (SessionView.ProcedureView p : view.procedures()) {
            page.raw("<h3>" + text(p.title()) + "</h3>\n<table>\n<colgroup><col style=\"width:52%\">"
                    + "<col style=\"width:16%\"><col></colgroup>\n<tr><th>" + text(Messages.Column_step) + "</th><th>"
                    + text(Messages.Column_result) + "</th><th>" + text(Messages.Column_note) + "</th></tr>\n");
            for (SessionView.StepView step : p.steps()) {
                page.raw("<tr><td>" + text(step.text()) + "</td><td><span class=\"badge b-"
                        + token(step.record().state().id()) + "\">" + text(Labels.state(step.record().state()))
                        + "</span></td><td>" + text(step.record().note()) + "</td></tr>\n");
            }
            page.raw("</table>\n");
        }
    }

    private static void settings(HtmlPage page, SessionView view) {
        page.raw("<h2>" + text(Messages.Section_settings) + "</h2>\n");
        if (view.fixKit().isEmpty()) {
            page.raw("<p>" + text(Messages.Settings_unknown) + "</p>\n");
            return;
        }
        FixKit k = view.fixKit().get();
        page.raw("<table class=\"settings\">\n<colgroup><col style=\"width:22%\"><col><col></colgroup>\n<tr><th></th><th>"
                + text(Labels.direction(k.incoming())) + "</th><th>" + text(Labels.direction(k.outgoing()))
                + "</th></tr>\n");
        String[] fields = { "host", "port", "security", "auth", "username", null };
        List<String[]> rows = Labels.settingRows(k);
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            page.raw("<tr><th>" + text(row[0]) + "</th>" + cell(k, "incoming", fields[i], row[1])
                    + cell(k, "outgoing", fields[i], row[2]) + "</tr>\n");
        }
        page.raw("</table>\n<p class=\"muted\">" + text(Messages.Settings_password) + "</p>\n");
    }

    private static String cell(FixKit k, String side, String field, String value) {
        Optional<FixKit.Change> change = field == null ? Optional.empty()
                : k.changes().stream().filter(c -> c.setting().equals(side + "." + field)).findFirst();
        if (change.isEmpty()) {
            return "<td" + (field == null ? "" : " class=\"v\"") + ">" + text(value) + "</td>";
        }
        String was = Labels.changeValue(change.get().setting(), change.get().configured());
        return "<td class=\"v changed\">" + text(value) + "<small>" + text(NLS.bind(Messages.Settings_was, was))
                + "</small></td>";
    }

    private static void details(HtmlPage page, SessionView view) {
        SupportSession s = view.session();
        AccountProfile a = s.account();
        page.raw("<h2>" + text(Messages.Section_details) + "</h2>\n<h3>" + text(Messages.Details_configured)
                + "</h3>\n");
        page.raw("<p class=\"muted\">" + text(NLS.bind(Messages.Details_client, a.client().toString(),
                a.network().kind().id() + a.network().operator().map(o -> " (" + o + ")").orElse(""))) + "</p>\n");
        page.raw("<table class=\"small\">\n<colgroup><col style=\"width:11%\"><col style=\"width:18%\">"
                + "<col style=\"width:7%\"><col style=\"width:11%\"><col style=\"width:17%\">"
                + "<col style=\"width:23%\"><col></colgroup>\n<tr><th></th><th>" + text(Messages.Row_server) + "</th><th>" + text(Messages.Row_port)
                + "</th><th>" + text(Messages.Row_security) + "</th><th>" + text(Messages.Row_auth) + "</th><th>"
                + text(Messages.Row_username) + "</th><th>" + text(Messages.Row_password) + "</th></tr>\n");
        a.incoming().ifPresent(in -> configured(page, Messages.Setting_incoming, in));
        a.primaryOutgoing().ifPresent(out -> configured(page,
                out.enabled() ? Messages.Setting_outgoing : Messages.Details_outgoingOff, out));
        for (ServerSettings other : a.otherOutgoing()) {
            configured(page, Messages.Details_otherOutgoing, other);
        }
        page.raw("</table>\n");
        if (!s.probes().isEmpty()) {
            page.raw("<h3>" + text(Messages.Section_probes) + "</h3>\n");
            for (ProbeRecord p : s.probes()) {
                page.raw("<p><b>" + text(p.host() + ":" + p.port() + " " + p.security()) + "</b> — "
                        + text(p.code().orElse(Messages.Probe_ok)) + " — " + text(p.summary())
                        + " <span class=\"muted\">" + text(Text.when(p.at())) + "</span></p>\n<pre>");
                List<String> lines = p.transcript();
                lines.stream().limit(MAX_TRANSCRIPT_LINES).forEach(l -> page.raw(text(l, 500) + "\n"));
                if (lines.size() > MAX_TRANSCRIPT_LINES) {
                    page.raw(text(NLS.bind(Messages.Probe_moreLines, Text.number(lines.size()))) + "\n");
                }
                page.raw("</pre>\n");
            }
        }
        if (!s.notes().isEmpty()) {
            page.raw("<h3>" + text(Messages.Section_notes) + "</h3>\n");
            s.notes().forEach(n -> page.raw("<blockquote>" + block(n) + "</blockquote>\n"));
        }
        if (s.diagnoses().size() > 1) {
            page.raw("<p class=\"muted\">" + text(NLS.bind(Messages.Details_diagnoses,
                    Integer.toString(s.diagnoses().size()))) + "</p>\n");
        }
        if (!s.audit().isEmpty()) {
            page.raw("<h3>" + text(Messages.Section_history) + "</h3>\n<table>\n<colgroup><col style=\"width:21%\">"
                    + "<col style=\"width:15%\"><col style=\"width:13%\"><col></colgroup>\n");
            for (AuditEntry e : s.audit()) {
                page.raw("<tr><td>" + text(Text.when(e.at())) + "</td><td>" + text(e.agent()) + "</td><td>"
                        + text(e.action()) + "</td><td>" + text(e.detail(), 600) + "</td></tr>\n");
            }
            page.raw("</table>\n");
        }
    }

    private static void configured(HtmlPage page, String label, ServerSettings s) {
        page.raw("<tr><th>" + text(label) + "</th>");
        for (String v : Labels.configured(s)) {
            page.raw("<td>" + text(v) + "</td>");
        }
        page.raw("</tr>\n");
    }
}
