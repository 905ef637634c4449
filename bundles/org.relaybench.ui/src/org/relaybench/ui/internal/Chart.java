package org.relaybench.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

/**
 * A chart drawn with SWT's GC on a canvas: stacked columns over time with a legend, or labelled
 * horizontal bars. It only draws the figures it is given (the store computes them); everything is
 * laid out from the canvas' size and the font's metrics at each paint, so nothing is clipped at any
 * size: labels that do not fit are thinned out (the time axis) or shortened with an ellipsis.
 */
final class Chart {

    /** Colours that stay apart for most kinds of colour blindness (Okabe and Ito), then grey for "other". */
    private static final RGB[] PALETTE = { new RGB(0, 114, 178), new RGB(230, 159, 0), new RGB(0, 158, 115),
            new RGB(204, 121, 167), new RGB(86, 180, 233), new RGB(213, 94, 0), new RGB(240, 228, 66),
            new RGB(120, 120, 120) };

    /**
     * One series of stacked columns: a name for the legend and one value per column; {@code other}
     * (the rest folded together) is drawn in grey.
     */
    record Series(String name, List<Integer> values, boolean other) {
        Series {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }

    /** One horizontal bar: its label, its length (0..max) and the text written after it. */
    record Bar(String label, double value, String text) {
        Bar {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(text, "text");
        }
    }

    private static final int PAD = 6;
    private static final int SWATCH = 10;

    private final Canvas canvas;
    private String empty = "";
    private List<String> columns = List.of();
    private List<Series> series = List.of();
    private List<Bar> bars = List.of();
    private double max;

    Chart(Composite parent, String testId) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setData(Widgets.TEST_ID, testId);
        canvas.addPaintListener(e -> paint(e.gc, canvas.getClientArea()));
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        // a screen reader reads the figures the chart draws
        canvas.getAccessible().addAccessibleListener(new org.eclipse.swt.accessibility.AccessibleAdapter() {
            @Override
            public void getName(org.eclipse.swt.accessibility.AccessibleEvent e) {
                e.result = describe().isEmpty() ? empty : String.join("; ", describe());
            }
        });
    }

    Canvas control() {
        return canvas;
    }

    /**
     * Shows stacked columns.
     *
     * @param columnLabels one label per column, in order
     * @param stacked the series, bottom of the stack first; each has one value per column
     * @param none what to say when there is nothing to draw
     */
    void columns(List<String> columnLabels, List<Series> stacked, String none) {
        columns = List.copyOf(columnLabels);
        series = List.copyOf(stacked);
        bars = List.of();
        empty = none;
        canvas.redraw();
    }

    /**
     * Shows horizontal bars.
     *
     * @param rows the bars, top first
     * @param scale the value a full-length bar stands for
     * @param none what to say when there is nothing to draw
     */
    void bars(List<Bar> rows, double scale, String none) {
        bars = List.copyOf(rows);
        max = scale;
        columns = List.of();
        series = List.of();
        empty = none;
        canvas.redraw();
    }

    /** @return what the chart shows, in words (for tests and screen readers) */
    List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Series s : series) {
            out.add(s.name() + ": " + s.values().stream().mapToInt(Integer::intValue).sum());
        }
        for (Bar b : bars) {
            out.add(b.label() + ": " + b.text());
        }
        return out;
    }

    private static Color color(Display display, int index, boolean other) {
        return new Color(display, other ? PALETTE[PALETTE.length - 1] : PALETTE[index % (PALETTE.length - 1)]);
    }

    /** How many series the palette tells apart besides "other"; the caller folds the rest into it. */
    static int distinctColours() {
        return PALETTE.length - 1;
    }

    private void paint(GC gc, Rectangle area) {
        Display display = canvas.getDisplay();
        gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        gc.setForeground(display.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        boolean nothing = bars.isEmpty() && (series.isEmpty() || columns.isEmpty()
                || series.stream().allMatch(s -> s.values().stream().allMatch(v -> v == 0)));
        if (nothing) {
            Point size = gc.textExtent(empty);
            gc.drawText(fit(gc, empty, area.width - 2 * PAD), Math.max(PAD, (area.width - size.x) / 2),
                    Math.max(PAD, (area.height - size.y) / 2), true);
            return;
        }
        if (!bars.isEmpty()) {
            paintBars(gc, area);
        } else {
            paintColumns(gc, area);
        }
    }

    private void paintColumns(GC gc, Rectangle area) {
        Display display = canvas.getDisplay();
        int line = gc.getFontMetrics().getHeight();
        int right = area.x + area.width - PAD;
        int top;
        int legendWidth = 0;
        for (Series s : series) {
            legendWidth = Math.max(legendWidth, SWATCH + 4 + gc.textExtent(s.name()).x + PAD);
        }
        int legendHeight = series.size() * (line + 2);
        if (area.width >= 2.2 * area.height && legendHeight + 2 * PAD <= area.height
                && legendWidth <= area.width * 7 / 20) {
            // wide and short (a chart across the view): the legend in a column at the right
            int x = area.x + area.width - PAD - legendWidth;
            int y = area.y + PAD;
            for (int i = 0; i < series.size(); i++) {
                legendEntry(gc, series.get(i), i, x, y, line);
                y += line + 2;
            }
            right = x - 2 * PAD;
            top = area.y + PAD + line / 2;
        } else {
            // else above the plot, wrapped into as many rows as the width needs
            int x = area.x + PAD;
            int y = area.y + PAD;
            for (int i = 0; i < series.size(); i++) {
                String name = fit(gc, series.get(i).name(), area.width - 3 * PAD - SWATCH);
                int w = SWATCH + 4 + gc.textExtent(name).x + 2 * PAD;
                if (x > area.x + PAD && x + w > area.x + area.width - PAD) {
                    x = area.x + PAD;
                    y += line + 2;
                }
                legendEntry(gc, new Series(name, List.of(), series.get(i).other()), i, x, y, line);
                x += w;
            }
            top = y + line + PAD + line / 2;
        }

        int[] totals = new int[columns.size()];
        for (Series s : series) {
            for (int i = 0; i < totals.length && i < s.values().size(); i++) {
                totals[i] += s.values().get(i);
            }
        }
        int highest = 1;
        for (int t : totals) {
            highest = Math.max(highest, t);
        }
        int step = niceStep(highest);
        int ceiling = ((highest + step - 1) / step) * step;
        int labelWidth = gc.textExtent(Integer.toString(ceiling)).x;
        int left = area.x + PAD + labelWidth + PAD;
        int bottom = area.y + area.height - PAD - line - 2;
        if (bottom - top < line * 2 || right - left < 20) {
            return; // too small to draw anything readable; the scrolled view gives it its minimum size
        }
        // the value axis: grid lines and labels
        gc.setLineWidth(1);
        for (int v = 0; v <= ceiling; v += step) {
            int gy = bottom - (int) ((long) (bottom - top) * v / ceiling);
            gc.setForeground(display.getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
            gc.drawLine(left, gy, right, gy);
            gc.setForeground(display.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            String label = Integer.toString(v);
            gc.drawText(label, left - PAD - gc.textExtent(label).x, gy - line / 2, true);
        }
        gc.drawLine(left, top, left, bottom);
        gc.drawLine(left, bottom, right, bottom);

        // the columns, stacked bottom-up in series order
        double slot = (double) (right - left) / columns.size();
        int barWidth = Math.max(1, (int) (slot * 0.7));
        for (int i = 0; i < columns.size(); i++) {
            int bx = left + (int) (slot * i + (slot - barWidth) / 2);
            int stacked = 0;
            for (int s = 0; s < series.size(); s++) {
                int v = i < series.get(s).values().size() ? series.get(s).values().get(i) : 0;
                if (v == 0) {
                    continue;
                }
                int y0 = bottom - (int) ((long) (bottom - top) * stacked / ceiling);
                int y1 = bottom - (int) ((long) (bottom - top) * (stacked + v) / ceiling);
                gc.setBackground(color(display, s, series.get(s).other()));
                gc.fillRectangle(bx, y1, barWidth, Math.max(1, y0 - y1));
                stacked += v;
            }
        }
        gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        // the time axis: as many labels as fit side by side, evenly thinned
        int widest = 0;
        for (String c : columns) {
            widest = Math.max(widest, gc.textExtent(c).x);
        }
        int every = Math.max(1, (int) Math.ceil((widest + PAD) / slot));
        int lastEnd = Integer.MIN_VALUE;
        for (int i = 0; i < columns.size(); i += every) {
            String label = columns.get(i);
            int w = gc.textExtent(label).x;
            int lx = left + (int) (slot * i + slot / 2) - w / 2;
            lx = Math.max(area.x + PAD, Math.min(lx, right - w));
            if (lx > lastEnd + PAD / 2) {
                gc.drawText(label, lx, bottom + 2, true);
                lastEnd = lx + w;
            }
        }
    }

    private void legendEntry(GC gc, Series s, int index, int x, int y, int line) {
        Display display = canvas.getDisplay();
        gc.setBackground(color(display, index, s.other()));
        gc.fillRectangle(x, y + (line - SWATCH) / 2, SWATCH, SWATCH);
        gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.drawText(s.name(), x + SWATCH + 4, y, true);
    }

    private void paintBars(GC gc, Rectangle area) {
        Display display = canvas.getDisplay();
        int row = rowHeight(gc);
        int line = gc.getFontMetrics().getHeight();
        int labelWidth = 0;
        int textWidth = 0;
        for (Bar b : bars) {
            labelWidth = Math.max(labelWidth, gc.textExtent(b.label()).x);
            textWidth = Math.max(textWidth, gc.textExtent(b.text()).x);
        }
        int inner = area.width - 2 * PAD;
        // labels take at most half the width, the texts after the bars at most 30%; a short bar always stays
        labelWidth = Math.min(labelWidth, inner / 2);
        textWidth = Math.min(textWidth, inner * 3 / 10);
        int left = area.x + PAD + labelWidth + PAD;
        int barMax = Math.max(10, area.x + area.width - PAD - textWidth - PAD - left);
        int y = area.y + PAD;
        for (int i = 0; i < bars.size() && y + row <= area.y + area.height; i++) {
            Bar b = bars.get(i);
            gc.setForeground(display.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            gc.drawText(fit(gc, b.label(), labelWidth), area.x + PAD, y + (row - line) / 2, true);
            int length = max <= 0 ? 0 : (int) Math.round(barMax * Math.min(1, b.value() / max));
            gc.setBackground(color(display, 0, false));
            if (length > 0) {
                gc.fillRectangle(left, y + 3, length, row - 6);
            }
            gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
            gc.drawText(fit(gc, b.text(), textWidth), left + length + PAD, y + (row - line) / 2, true);
            y += row;
        }
        gc.setForeground(display.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawLine(left, area.y + PAD, left, Math.min(y, area.y + area.height - 1));
    }

    private static int rowHeight(GC gc) {
        return gc.getFontMetrics().getHeight() + 8;
    }

    /** A step of 1, 2 or 5 times a power of ten that splits 0..max into at most five intervals. */
    static int niceStep(int max) {
        int step = 1;
        while (true) {
            for (int m : new int[] { 1, 2, 5 }) {
                if (max <= (long) step * m * 5) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    /** The text, shortened with an ellipsis to fit the width. */
    static String fit(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        String e = "\u2026";
        for (int n = text.length() - 1; n > 0; n--) {
            String s = text.substring(0, n) + e;
            if (gc.textExtent(s).x <= width) {
                return s;
            }
        }
        return e;
    }
}
