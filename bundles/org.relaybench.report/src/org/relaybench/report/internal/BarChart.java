package org.relaybench.report.internal;

import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.relaybench.report.SummaryReport.Count;
import org.relaybench.report.SummaryReport.ProcedureOutcome;

/**
 * A bar chart of the summary report, drawn as inline SVG for HTML ({@link #svg()}) and with vector
 * operations for PDF ({@link PdfCharts}). Horizontal bars for categories, vertical columns for the
 * time-to-resolve histogram. Labels are cleaned and cut at {@value #MAX_LABEL} characters.
 *
 * @param title what the chart shows
 * @param bars the bars, in order
 * @param max the value of a full-length bar
 * @param columns whether to draw vertical columns rather than horizontal bars
 */
record BarChart(String title, List<Bar> bars, double max, boolean columns) {

    static final int MAX_LABEL = 46;
    /** Where bars start: labels end left of it, right-aligned. */
    private static final int BAR_X = 380;
    private static final int BAR_WIDTH = 340;

    /**
     * One bar.
     *
     * @param label what it is, cleaned and cut
     * @param value its length
     * @param shown the value as printed beside it
     */
    record Bar(String label, double value, String shown) {
    }

    static BarChart counts(String title, List<Count> counts, boolean columns) {
        List<Bar> bars = counts.stream().map(c -> new Bar(label(c.label()), c.count(), Integer.toString(c.count())))
                .toList();
        return new BarChart(title, bars, Math.max(1, counts.stream().mapToInt(Count::count).max().orElse(1)), columns);
    }

    static BarChart rates(String title, List<ProcedureOutcome> outcomes) {
        List<Bar> bars = outcomes.stream().map(o -> new Bar(label(o.title()), o.rate() * 100,
                NLS.bind(Messages.Summary_rate, new Object[] { Text.percent(o.rate()), Integer.toString(o.resolved()),
                        Integer.toString(o.tried()) })))
                .toList();
        return new BarChart(title, bars, 100, false);
    }

    /**
     * @param s any text
     * @return the text on one line, cut with an ellipsis when longer than {@value #MAX_LABEL}
     */
    static String label(String s) {
        String l = Text.line(s);
        return l.length() <= MAX_LABEL ? l : l.substring(0, MAX_LABEL - 1).strip() + "…";
    }

    /** @return the chart as an SVG element, escaped, with a title for screen readers */
    String svg() {
        StringBuilder b = new StringBuilder(2_048);
        String t = Text.markup(Text.line(title, 200));
        if (bars.isEmpty()) {
            return "<p class=\"muted\">" + Text.markup(Messages.Summary_noData) + "</p>\n";
        }
        return columns ? columnsSvg(b, t) : barsSvg(b, t);
    }

    private String barsSvg(StringBuilder b, String t) {
        int row = 26;
        int height = bars.size() * row + 8;
        open(b, t, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 4 + i * row;
            double w = BAR_WIDTH * bar.value() / max;
            b.append("<g><title>").append(Text.markup(bar.label() + ": " + bar.shown())).append("</title>\n");
            b.append("<text x=\"").append(BAR_X - 8).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\" font-size=\"12\">").append(Text.markup(bar.label()))
                    .append("</text>\n");
            b.append("<rect x=\"").append(BAR_X).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(BAR_WIDTH).append("\" height=\"16\" rx=\"3\" fill=\"#eef1f5\"/>\n");
            b.append("<rect x=\"").append(BAR_X).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(fmt(w)).append("\" height=\"16\" rx=\"3\" fill=\"#1f5fbf\"/>\n");
            b.append("<text x=\"").append(fmt(BAR_X + w + 6)).append("\" y=\"").append(y + 16).append("\">")
                    .append(Text.markup(bar.shown())).append("</text>\n</g>\n");
        }
        return b.append("</svg>\n").toString();
    }

    private String columnsSvg(StringBuilder b, String t) {
        int height = 230;
        int base = 190;
        int plot = 160;
        open(b, t, height);
        double slot = 800.0 / bars.size();
        b.append("<line x1=\"20\" y1=\"").append(base).append("\" x2=\"820\" y2=\"").append(base)
                .append("\" stroke=\"#9aa3b2\"/>\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double h = plot * bar.value() / max;
            double x = 20 + i * slot + slot * 0.2;
            double w = slot * 0.6;
            b.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(base - h)).append("\" width=\"")
                    .append(fmt(w)).append("\" height=\"").append(fmt(h)).append("\" fill=\"#1f5fbf\"/>\n");
            b.append("<text x=\"").append(fmt(x + w / 2)).append("\" y=\"").append(fmt(base - h - 6))
                    .append("\" text-anchor=\"middle\">").append(Text.markup(bar.shown())).append("</text>\n");
            b.append("<text x=\"").append(fmt(x + w / 2)).append("\" y=\"").append(base + 22)
                    .append("\" text-anchor=\"middle\">").append(Text.markup(bar.label())).append("</text>\n");
        }
        return b.append("</svg>\n").toString();
    }

    private static void open(StringBuilder b, String title, int height) {
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 840 ").append(height)
                .append("\" role=\"img\" aria-label=\"").append(title).append("\" font-family=\"DejaVu Sans, ")
                .append("sans-serif\" font-size=\"13\" fill=\"#1d2433\">\n<title>").append(title).append("</title>\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
