package org.relaybench.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.relaybench.report.SummaryReport;
import org.relaybench.report.SummaryReport.ProcedureOutcome;
import org.relaybench.report.internal.PdfSessionWriter.PdfStyles;

/** Writes the summary report over many sessions as a PDF with its charts drawn as vector graphics. */
public final class SummaryPdfWriter {

    private SummaryPdfWriter() {
    }

    /**
     * @param r the figures
     * @param generated when the report is made
     * @param out where to write
     * @throws IOException when writing fails
     */
    public static void write(SummaryReport r, Instant generated, OutputStream out) throws IOException {
        String footer = NLS.bind(Messages.Summary_footer, Text.when(generated));
        try (PdfDoc pdf = new PdfDoc(Messages.Summary_title, Messages.Summary_title, footer)) {
            PdfStyles st = new PdfStyles(pdf);
            st.title(Messages.Summary_title);
            List<String[]> kpis = new ArrayList<>();
            kpis.add(new String[] { Messages.Summary_period, SummaryHtmlWriter.period(r) });
            kpis.add(new String[] { Messages.Summary_sessions, Text.number(r.sessions()) + " — "
                    + NLS.bind(Messages.Summary_statusLine, new Object[] { Integer.toString(r.resolved()),
                            Integer.toString(r.unresolved()), Integer.toString(r.open()) }) });
            kpis.add(new String[] { Messages.Summary_resolutionRate, Text.percent(r.resolutionRate()) + " — "
                    + NLS.bind(Messages.Summary_resolvedOf, Integer.toString(r.resolved()),
                            Integer.toString(r.sessions())) });
            kpis.add(new String[] { Messages.Summary_median, Text.duration(r.timeToResolve().median()) });
            kpis.add(new String[] { Messages.Summary_p90, Text.duration(r.timeToResolve().p90()) });
            pdf.table(new float[] { 0.3f, 0.7f }, null, kpis, st.body);

            chart(pdf, st, BarChart.counts(Messages.Summary_byProvider, r.byProvider(), false));
            chart(pdf, st, BarChart.counts(Messages.Summary_byCause, r.byCause(), false));
            chart(pdf, st, BarChart.rates(Messages.Summary_procedures, r.procedures()));
            if (!r.procedures().isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                for (ProcedureOutcome o : r.procedures()) {
                    rows.add(new String[] { Text.line(o.title(), 300) + " (" + Text.line(o.procedureId(), 100) + ")",
                            Integer.toString(o.tried()), Integer.toString(o.resolved()), Text.percent(o.rate()) });
                }
                pdf.table(new float[] { 0.55f, 0.15f, 0.15f, 0.15f }, new String[] { Messages.Column_procedure,
                        Messages.Column_tried, Messages.Column_resolved, Messages.Column_rate }, rows, st.small);
            }
            chart(pdf, st, BarChart.counts(Messages.Summary_timeToResolve, r.timeToResolve().histogram(), true));
            pdf.paragraph(SummaryHtmlWriter.times(r), st.muted, 0);
            pdf.save(out);
        }
    }

    /** Writes a chart under its title as heading, never leaving the heading alone at a page's end. */
    private static void chart(PdfDoc pdf, PdfStyles st, BarChart chart) throws IOException {
        pdf.ensure(PdfCharts.height(chart, 4) + 50);
        st.h2(chart.title());
        PdfCharts.draw(pdf, chart);
    }
}
