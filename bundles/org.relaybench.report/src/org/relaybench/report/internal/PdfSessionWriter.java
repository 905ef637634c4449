package org.relaybench.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.FixKit;
import org.relaybench.report.internal.PdfDoc.Style;

/**
 * Writes one session as a PDF with the same sections as the HTML report: what was wrong, what was
 * done, the settings to use, then the technical details.
 */
public final class PdfSessionWriter {

    static final int MAX_FIELD = 4_000;
    private static final int MAX_TRANSCRIPT_LINES = 200;

    private PdfSessionWriter() {
    }

    /**
     * @param view the session
     * @param out where to write
     * @throws IOException when writing fails
     */
    public static void write(SessionView view, OutputStream out) throws IOException {
        SupportSession s = view.session();
        String customer = s.customer().isBlank() ? s.account().email() : s.customer();
        String footer = Text.line(NLS.bind(Messages.Footer, new Object[] { Text.line(s.id(), 100),
                Text.when(view.generated()) }), 200);
        try (PdfDoc pdf = new PdfDoc(NLS.bind(Messages.Report_windowTitle, Text.line(customer, 200)),
                Messages.Report_title, footer)) {
            PdfStyles st = new PdfStyles(pdf);
            st.title(Messages.Report_title);
            List<String[]> meta = new ArrayList<>();
            meta.add(new String[] { Messages.Label_customer, dash(s.customer()), Messages.Label_ticket,
                    dash(s.ticket()) });
            meta.add(new String[] { Messages.Label_account, s.account().email(), Messages.Label_status,
                    Labels.status(s.status()) });
            meta.add(new String[] { Messages.Label_agent, dash(s.agent()), Messages.Label_opened,
                    Text.when(s.opened()) });
            pdf.table(new float[] { 0.14f, 0.36f, 0.14f, 0.36f }, null, cleaned(meta), st.body);
            pdf.space(10);
            st.box(view.findings().isEmpty() ? Messages.Wrong_none
                    : Messages.Summary_cause + " " + line(view.findings().get(0).title()));

            wrong(pdf, st, view);
            done(pdf, st, view);
            settings(pdf, st, view);
            details(pdf, st, view);
            pdf.save(out);
        }
    }

    private static String dash(String s) {
        return s.isBlank() ? "—" : s;
    }

    private static String line(String s) {
        return Text.line(s, MAX_FIELD);
    }

    private static List<String[]> cleaned(List<String[]> rows) {
        List<String[]> out = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            String[] c = new String[r.length];
            for (int i = 0; i < r.length; i++) {
                c[i] = line(r[i]);
            }
            out.add(c);
        }
        return out;
    }

    private static void wrong(PdfDoc pdf, PdfStyles st, SessionView view) throws IOException {
        st.h2(Messages.Section_wrong);
        AccountProfile a = view.session().account();
        if (!a.errorText().isBlank()) {
            pdf.paragraph(Messages.Label_errorText, st.muted, 0);
            pdf.paragraph(Text.block(a.errorText(), MAX_FIELD), st.quote, 12);
            pdf.space(6);
        }
        if (view.findings().isEmpty()) {
            pdf.paragraph(Messages.Wrong_none, st.body, 0);
        }
        int rank = 1;
        for (Finding f : view.findings()) {
            pdf.ensure(60);
            pdf.paragraph(rank++ + ". " + line(f.title()), st.h3, 0);
            String cause = SessionView.causeSummary(f.code());
            pdf.paragraph(Labels.severity(f.severity()) + " · "
                    + NLS.bind(Messages.Finding_confidence, Text.percent(f.confidence())) + " · " + line(f.code())
                    + (cause.isEmpty() ? "" : " — " + cause), st.muted, 14);
            for (Evidence e : f.evidence()) {
                pdf.paragraph("• " + Labels.evidence(e.kind()) + " " + line(e.subject()) + ": "
                        + Text.line(e.detail(), 600), st.small, 14);
            }
            pdf.space(6);
        }
    }

    private static void done(PdfDoc pdf, PdfStyles st, SessionView view) throws IOException {
        st.h2(Messages.Section_done);
        if (view.procedures().isEmpty()) {
            pdf.paragraph(Messages.Done_none, st.body, 0);
        }
        for (SessionView.ProcedureView p : view.procedures()) {
            pdf.ensure(50);
            pdf.paragraph(line(p.title()), st.h3, 0);
            List<String[]> rows = new ArrayList<>();
            for (SessionView.StepView step : p.steps()) {
                rows.add(new String[] { line(step.text()), Labels.state(step.record().state()),
                        line(step.record().note()) });
            }
            pdf.table(new float[] { 0.55f, 0.15f, 0.30f }, new String[] { Messages.Column_step, Messages.Column_result,
                    Messages.Column_note }, rows, st.body);
            pdf.space(6);
        }
    }

    private static void settings(PdfDoc pdf, PdfStyles st, SessionView view) throws IOException {
        if (view.fixKit().isEmpty()) {
            st.h2(Messages.Section_settings);
            pdf.paragraph(Messages.Settings_unknown, st.body, 0);
            return;
        }
        FixKit k = view.fixKit().get();
        float[] widths = { 0.22f, 0.39f, 0.39f };
        String[] header = { "", Labels.direction(k.incoming()), Labels.direction(k.outgoing()) };
        List<String[]> rows = cleaned(Labels.settingRows(k));
        pdf.ensure(pdf.tableHeight(widths, header, rows, st.body) + 50);
        st.h2(Messages.Section_settings);
        pdf.table(widths, header, rows, st.body);
        pdf.space(6);
        if (!k.changes().isEmpty()) {
            pdf.paragraph(Messages.Settings_changes, st.muted, 0);
            for (FixKit.Change c : k.changes()) {
                pdf.paragraph("• " + Labels.setting(c.setting()) + ": "
                        + line(Labels.changeValue(c.setting(), c.configured())) + " → "
                        + line(Labels.changeValue(c.setting(), c.recommended())), st.body, 10);
            }
            pdf.space(4);
        }
        pdf.paragraph(Messages.Settings_password, st.muted, 0);
    }

    private static void details(PdfDoc pdf, PdfStyles st, SessionView view) throws IOException {
        SupportSession s = view.session();
        AccountProfile a = s.account();
        st.h2(Messages.Section_details);
        pdf.paragraph(Messages.Details_configured, st.h3, 0);
        pdf.paragraph(line(NLS.bind(Messages.Details_client, a.client().toString(), a.network().kind().id()
                + a.network().operator().map(o -> " (" + o + ")").orElse(""))), st.muted, 0);
        List<String[]> rows = new ArrayList<>();
        a.incoming().ifPresent(in -> rows.add(configured(Messages.Setting_incoming, in)));
        a.primaryOutgoing().ifPresent(o -> rows.add(configured(
                o.enabled() ? Messages.Setting_outgoing : Messages.Details_outgoingOff, o)));
        a.otherOutgoing().forEach(o -> rows.add(configured(Messages.Details_otherOutgoing, o)));
        pdf.table(new float[] { 0.12f, 0.19f, 0.07f, 0.11f, 0.15f, 0.24f, 0.12f }, new String[] { "",
                Messages.Row_server, Messages.Row_port, Messages.Row_security, Messages.Row_auth, Messages.Row_username,
                Messages.Row_password }, cleaned(rows), st.small);
        for (ProbeRecord p : s.probes()) {
            pdf.space(6);
            pdf.paragraph(Messages.Section_probes + ": " + line(p.host() + ":" + p.port() + " " + p.security())
                    + " — " + line(p.code().orElse(Messages.Probe_ok)) + " — " + line(p.summary()), st.h3, 0);
            for (String l : p.transcript().subList(0, Math.min(MAX_TRANSCRIPT_LINES, p.transcript().size()))) {
                pdf.paragraph(Text.line(l, 500), st.mono, 8);
            }
            if (p.transcript().size() > MAX_TRANSCRIPT_LINES) {
                pdf.paragraph(NLS.bind(Messages.Probe_moreLines, Text.number(p.transcript().size())), st.muted, 8);
            }
        }
        if (!s.notes().isEmpty()) {
            pdf.space(6);
            pdf.paragraph(Messages.Section_notes, st.h3, 0);
            for (String n : s.notes()) {
                pdf.paragraph(Text.block(n, MAX_FIELD), st.quote, 12);
                pdf.space(4);
            }
        }
        if (!s.audit().isEmpty()) {
            pdf.space(6);
            pdf.paragraph(Messages.Section_history, st.h3, 0);
            List<String[]> audit = new ArrayList<>();
            for (AuditEntry e : s.audit()) {
                audit.add(new String[] { Text.when(e.at()), line(e.agent()), line(e.action()),
                        Text.line(e.detail(), 600) });
            }
            pdf.table(new float[] { 0.22f, 0.15f, 0.13f, 0.50f }, null, audit, st.small);
        }
    }

    private static String[] configured(String label, ServerSettings s) {
        String[] values = Labels.configured(s);
        String[] row = new String[values.length + 1];
        row[0] = label;
        System.arraycopy(values, 0, row, 1, values.length);
        return row;
    }

    /** The styles of the session and summary PDFs, and their headings. */
    static final class PdfStyles {
        private static final float[] INK = { 0.11f, 0.14f, 0.2f };
        private static final float[] MUTED = { 0.36f, 0.39f, 0.46f };
        private static final float[] ACCENT = { 0.12f, 0.37f, 0.75f };

        final PdfDoc pdf;
        final Style body;
        final Style small;
        final Style muted;
        final Style quote;
        final Style mono;
        final Style h3;
        private final Style h2;
        private final Style h1;
        private final Style brand;

        PdfStyles(PdfDoc pdf) {
            this.pdf = pdf;
            body = new Style(pdf.regular, 9.5f, INK);
            small = new Style(pdf.regular, 8, INK);
            muted = new Style(pdf.regular, 8.5f, MUTED);
            quote = new Style(pdf.mono, 8.5f, INK);
            mono = new Style(pdf.mono, 7.5f, INK);
            h3 = new Style(pdf.bold, 10.5f, INK);
            h2 = new Style(pdf.bold, 13, INK);
            h1 = new Style(pdf.bold, 19, INK);
            brand = new Style(pdf.bold, 8, ACCENT);
        }

        void title(String title) throws IOException {
            pdf.paragraph("RELAYBENCH", brand, 0);
            pdf.paragraph(title, h1, 0);
            float y = pdf.y() - 6;
            pdf.canvas().setStrokingColor(ACCENT[0], ACCENT[1], ACCENT[2]);
            pdf.canvas().setLineWidth(2.5f);
            pdf.canvas().moveTo(PdfDoc.MARGIN, y);
            pdf.canvas().lineTo(PdfDoc.WIDTH - PdfDoc.MARGIN, y);
            pdf.canvas().stroke();
            pdf.space(14);
        }

        void h2(String text) throws IOException {
            pdf.ensure(70);
            pdf.space(12);
            pdf.paragraph(text, h2, 0);
            float y = pdf.y() - 3;
            pdf.canvas().setStrokingColor(0.85f, 0.87f, 0.91f);
            pdf.canvas().setLineWidth(0.8f);
            pdf.canvas().moveTo(PdfDoc.MARGIN, y);
            pdf.canvas().lineTo(PdfDoc.WIDTH - PdfDoc.MARGIN, y);
            pdf.canvas().stroke();
            pdf.space(8);
        }

        void box(String text) throws IOException {
            List<String> lines = pdf.wrap(Text.line(text, MAX_FIELD), body, PdfDoc.TEXT_WIDTH - 20);
            float h = lines.size() * body.leading() + 12;
            float top = pdf.reserve(h);
            pdf.canvas().setNonStrokingColor(0.95f, 0.96f, 0.98f);
            pdf.canvas().addRect(PdfDoc.MARGIN, top - h, PdfDoc.TEXT_WIDTH, h);
            pdf.canvas().fill();
            pdf.canvas().setNonStrokingColor(ACCENT[0], ACCENT[1], ACCENT[2]);
            pdf.canvas().addRect(PdfDoc.MARGIN, top - h, 3, h);
            pdf.canvas().fill();
            float y = top - 6;
            for (String l : lines) {
                y -= body.leading();
                pdf.show(l, body, PdfDoc.MARGIN + 12, y + body.size() * 0.3f);
            }
        }
    }
}
