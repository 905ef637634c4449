package org.relaybench.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.FixKit;

/**
 * Writes a session as Markdown (CommonMark with GitHub tables) to paste into a ticket. Every text
 * from a customer, an agent or a server is escaped: the HTML characters {@code < > &} as character
 * references, every other Markdown punctuation with a backslash, so that none of it becomes markup,
 * a link or an HTML tag in any ticket system; fields are cut at {@value #MAX_FIELD} characters.
 */
public final class MarkdownSessionWriter {

    static final int MAX_FIELD = 2_000;
    private static final String PUNCTUATION = "\\`*_{}[]()#+-.!|~=^\"$@";

    private MarkdownSessionWriter() {
    }

    /**
     * @param view the session
     * @param out where to write UTF-8
     * @throws IOException when writing fails
     */
    public static void write(SessionView view, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        SupportSession s = view.session();
        w.print("# " + Messages.Report_title + "\n\n");
        w.print(field(Messages.Label_customer, s.customer()) + "  \n");
        w.print(field(Messages.Label_ticket, s.ticket()) + "  \n");
        w.print(field(Messages.Label_account, s.account().email()) + "  \n");
        w.print(field(Messages.Label_status, Labels.status(s.status())) + "  \n");
        w.print(field(Messages.Label_agent, s.agent()) + "  \n");
        w.print(field(Messages.Label_opened, Text.when(s.opened())) + "\n\n");

        w.print("## " + Messages.Section_wrong + "\n\n");
        if (!s.account().errorText().isBlank()) {
            w.print(Messages.Label_errorText + "\n\n");
            quote(w, s.account().errorText());
        }
        findings(w, view.findings());

        w.print("## " + Messages.Section_done + "\n\n");
        if (view.procedures().isEmpty()) {
            w.print(esc(Messages.Done_none) + "\n\n");
        }
        for (SessionView.ProcedureView p : view.procedures()) {
            w.print("### " + line(p.title()) + "\n\n");
            for (SessionView.StepView step : p.steps()) {
                StepState st = step.record().state();
                w.print("- [" + (st == StepState.WORKED ? "x" : " ") + "] " + line(step.text()) + " — **"
                        + esc(Labels.state(st)) + "**");
                if (!step.record().note().isBlank()) {
                    w.print(" — " + line(step.record().note()));
                }
                w.print("\n");
            }
            w.print("\n");
        }

        w.print("## " + Messages.Section_settings + "\n\n");
        settings(w, view);

        if (!s.probes().isEmpty()) {
            w.print("## " + Messages.Section_probes + "\n\n");
            for (ProbeRecord p : s.probes()) {
                w.print("- " + line(p.host() + ":" + p.port() + " " + p.security()) + " — "
                        + line(p.code().orElse(Messages.Probe_ok)) + " — " + line(p.summary()) + "\n");
            }
            w.print("\n");
        }
        if (!s.notes().isEmpty()) {
            w.print("## " + Messages.Section_notes + "\n\n");
            for (String n : s.notes()) {
                quote(w, n);
            }
        }
        w.print("---\n\n" + esc(NLS.bind(Messages.Footer, new Object[] { Text.line(s.id(), 100),
                Text.when(view.generated()) })) + "\n");
        w.flush();
    }

    private static void findings(PrintWriter w, List<Finding> findings) {
        if (findings.isEmpty()) {
            w.print(esc(Messages.Wrong_none) + "\n\n");
            return;
        }
        int rank = 1;
        for (Finding f : findings) {
            w.print(rank++ + ". **" + line(f.title()) + "**  \n   " + esc(Labels.severity(f.severity())) + " · "
                    + esc(Text.percent(f.confidence())) + " · " + line(f.code()));
            String cause = SessionView.causeSummary(f.code());
            if (!cause.isEmpty()) {
                w.print(" — " + esc(cause));
            }
            w.print("\n");
            for (Evidence e : f.evidence()) {
                w.print("   - " + esc(Labels.evidence(e.kind())) + " " + line(e.subject()) + ": "
                        + cut(e.detail(), 500) + "\n");
            }
        }
        w.print("\n");
    }

    private static void settings(PrintWriter w, SessionView view) {
        if (view.fixKit().isEmpty()) {
            w.print(esc(Messages.Settings_unknown) + "\n\n");
            return;
        }
        FixKit k = view.fixKit().get();
        w.print("| | " + esc(Labels.direction(k.incoming())) + " | " + esc(Labels.direction(k.outgoing())) + " |\n");
        w.print("|---|---|---|\n");
        for (String[] row : Labels.settingRows(k)) {
            w.print("| " + esc(row[0]) + " | " + line(row[1]) + " | " + line(row[2]) + " |\n");
        }
        w.print("\n");
        if (!k.changes().isEmpty()) {
            w.print(esc(Messages.Settings_changes) + "\n\n");
            for (FixKit.Change c : k.changes()) {
                w.print("- " + esc(Labels.setting(c.setting())) + ": "
                        + line(Labels.changeValue(c.setting(), c.configured())) + " → **"
                        + line(Labels.changeValue(c.setting(), c.recommended())) + "**\n");
            }
            w.print("\n");
        }
        w.print(esc(Messages.Settings_password) + "\n\n");
    }

    private static void quote(PrintWriter w, String text) {
        String[] lines = Text.block(text, MAX_FIELD).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            w.print("> " + esc(lines[i].strip()) + (i + 1 < lines.length ? "\\" : "") + "\n");
        }
        w.print("\n");
    }

    private static String field(String label, String value) {
        return "**" + esc(label) + ":** " + line(value);
    }

    private static String line(String s) {
        return esc(Text.line(s, MAX_FIELD));
    }

    private static String cut(String s, int max) {
        return esc(Text.line(s, max));
    }

    /**
     * @param s cleaned text on one line
     * @return the text with every character that could be markup escaped
     */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                b.append("&lt;");
            } else if (c == '>') {
                b.append("&gt;");
            } else if (c == '&') {
                b.append("&amp;");
            } else if (PUNCTUATION.indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
