package org.relaybench.report.internal;

import static org.relaybench.report.internal.HtmlPage.text;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

import org.eclipse.osgi.util.NLS;
import org.relaybench.report.SummaryReport;
import org.relaybench.report.SummaryReport.ProcedureOutcome;

/** Writes the summary report over many sessions as one self-contained HTML page with SVG charts. */
public final class SummaryHtmlWriter {

    private SummaryHtmlWriter() {
    }

    /**
     * @param r the figures
     * @param generated when the report is made
     * @param out where to write UTF-8
     * @throws IOException when writing fails
     */
    public static void write(SummaryReport r, Instant generated, OutputStream out) throws IOException {
        HtmlPage page = new HtmlPage(Messages.Summary_title);
        page.raw("<header>\n<div class=\"brand\">Relaybench</div>\n<h1>" + text(Messages.Summary_title) + "</h1>\n");
        page.raw("<dl class=\"meta\">\n<dt>" + text(Messages.Summary_period) + "</dt><dd>" + text(period(r))
                + "</dd>\n<dt>" + text(Messages.Summary_generated) + "</dt><dd>" + text(Text.when(generated))
                + "</dd>\n</dl>\n</header>\n");
        page.raw("<div class=\"kpis\">\n");
        kpi(page, Messages.Summary_sessions, Text.number(r.sessions()),
                NLS.bind(Messages.Summary_statusLine, new Object[] { Integer.toString(r.resolved()),
                        Integer.toString(r.unresolved()), Integer.toString(r.open()) }));
        kpi(page, Messages.Summary_resolutionRate, Text.percent(r.resolutionRate()),
                NLS.bind(Messages.Summary_resolvedOf, Integer.toString(r.resolved()), Integer.toString(r.sessions())));
        kpi(page, Messages.Summary_median, Text.duration(r.timeToResolve().median()),
                NLS.bind(Messages.Summary_measured, Integer.toString(r.timeToResolve().count())));
        kpi(page, Messages.Summary_p90, Text.duration(r.timeToResolve().p90()),
                NLS.bind(Messages.Summary_longest, Text.duration(r.timeToResolve().max())));
        page.raw("</div>\n");

        chart(page, Messages.Summary_byProvider, BarChart.counts(Messages.Summary_byProvider, r.byProvider(), false));
        chart(page, Messages.Summary_byCause, BarChart.counts(Messages.Summary_byCause, r.byCause(), false));
        chart(page, Messages.Summary_procedures, BarChart.rates(Messages.Summary_procedures, r.procedures()));
        if (!r.procedures().isEmpty()) {
            page.raw("<table>\n<colgroup><col style=\"width:52%\"><col><col><col></colgroup>\n<tr><th>"
                    + text(Messages.Column_procedure) + "</th><th>" + text(Messages.Column_tried) + "</th><th>"
                    + text(Messages.Column_resolved) + "</th><th>" + text(Messages.Column_rate) + "</th></tr>\n");
            for (ProcedureOutcome o : r.procedures()) {
                page.raw("<tr><td>" + text(o.title()) + " <span class=\"muted\">" + text(o.procedureId())
                        + "</span></td><td>" + o.tried() + "</td><td>" + o.resolved() + "</td><td>"
                        + text(Text.percent(o.rate())) + "</td></tr>\n");
            }
            page.raw("</table>\n");
        }
        chart(page, Messages.Summary_timeToResolve,
                BarChart.counts(Messages.Summary_timeToResolve, r.timeToResolve().histogram(), true));
        page.raw("<p class=\"muted\">" + text(times(r)) + "</p>\n");
        page.raw("<footer>" + text(NLS.bind(Messages.Summary_footer, Text.when(generated))) + "</footer>\n");
        page.writeTo(out);
    }

    static String period(SummaryReport r) {
        if (r.first().isEmpty()) {
            return "—";
        }
        return Text.when(r.first().get()) + " – " + Text.when(r.last().orElseThrow());
    }

    static String times(SummaryReport r) {
        SummaryReport.ResolveTimes t = r.timeToResolve();
        return NLS.bind(Messages.Summary_times, new Object[] { Text.duration(t.median()), Text.duration(t.mean()),
                Text.duration(t.p90()), Text.duration(t.max()), Integer.toString(t.count()) });
    }

    private static void kpi(HtmlPage page, String label, String value, String note) {
        page.raw("<div class=\"kpi\"><span class=\"muted\">" + text(label) + "</span><b>" + text(value)
                + "</b><span class=\"muted\">" + text(note) + "</span></div>\n");
    }

    private static void chart(HtmlPage page, String heading, BarChart chart) {
        page.raw("<h2>" + text(heading) + "</h2>\n<div class=\"chart\">\n" + chart.svg() + "</div>\n");
    }
}
