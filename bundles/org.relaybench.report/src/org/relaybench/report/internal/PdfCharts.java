package org.relaybench.report.internal;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.relaybench.report.internal.PdfDoc.Style;

/** Draws a {@link BarChart} into a PDF as vector graphics: bars are filled rectangles, labels text. */
final class PdfCharts {

    private static final float[] INK = { 0.11f, 0.14f, 0.2f };
    private static final float ROW = 16;
    private static final float PLOT = 110;
    private static final float COLUMNS_HEIGHT = PLOT + 40;

    private PdfCharts() {
    }

    /**
     * @param chart a chart
     * @param bars at most how many of its bars to count
     * @return the height of the chart or of its first bars, in points
     */
    static float height(BarChart chart, int bars) {
        return chart.columns() ? COLUMNS_HEIGHT : Math.max(1, Math.min(bars, chart.bars().size())) * ROW;
    }

    static void draw(PdfDoc pdf, BarChart chart) throws IOException {
        Style label = new Style(pdf.regular, 8, INK);
        if (chart.bars().isEmpty()) {
            pdf.paragraph(Messages.Summary_noData, label, 0);
            return;
        }
        if (chart.columns()) {
            columns(pdf, chart, label);
        } else {
            bars(pdf, chart, label);
        }
    }

    private static void bars(PdfDoc pdf, BarChart chart, Style label) throws IOException {
        float labelWidth = 180;
        float barWidth = 230;
        for (BarChart.Bar bar : chart.bars()) {
            float top = pdf.reserve(ROW);
            PDPageContentStream cs = pdf.canvas();
            float x0 = PdfDoc.MARGIN + labelWidth + 6;
            float w = (float) (barWidth * bar.value() / chart.max());
            float y = top - ROW + 3;
            cs.setNonStrokingColor(0.93f, 0.945f, 0.96f);
            cs.addRect(x0, y, barWidth, ROW - 6);
            cs.fill();
            cs.setNonStrokingColor(0.12f, 0.37f, 0.75f);
            cs.addRect(x0, y, w, ROW - 6);
            cs.fill();
            String text = bar.label();
            while (pdf.width(text, label) > labelWidth && text.length() > 2) {
                text = text.substring(0, text.length() - 2) + "…";
            }
            pdf.show(text, label, PdfDoc.MARGIN + labelWidth - pdf.width(text, label), y + 2);
            pdf.show(bar.shown(), label, x0 + w + 5, y + 2);
        }
        pdf.space(6);
    }

    private static void columns(PdfDoc pdf, BarChart chart, Style label) throws IOException {
        float plot = PLOT;
        float top = pdf.reserve(COLUMNS_HEIGHT);
        PDPageContentStream cs = pdf.canvas();
        float base = top - plot - 16;
        float slot = PdfDoc.TEXT_WIDTH / chart.bars().size();
        cs.setStrokingColor(0.6f, 0.64f, 0.7f);
        cs.setLineWidth(0.7f);
        cs.moveTo(PdfDoc.MARGIN, base);
        cs.lineTo(PdfDoc.MARGIN + PdfDoc.TEXT_WIDTH, base);
        cs.stroke();
        for (int i = 0; i < chart.bars().size(); i++) {
            BarChart.Bar bar = chart.bars().get(i);
            float h = (float) (plot * bar.value() / chart.max());
            float x = PdfDoc.MARGIN + i * slot + slot * 0.2f;
            float w = slot * 0.6f;
            cs.setNonStrokingColor(0.12f, 0.37f, 0.75f);
            cs.addRect(x, base, w, h);
            cs.fill();
            pdf.show(bar.shown(), label, x + (w - pdf.width(bar.shown(), label)) / 2, base + h + 4);
            pdf.show(bar.label(), label, x + (w - pdf.width(bar.label(), label)) / 2, base - 12);
        }
    }
}
