package org.relaybench.report.internal;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.osgi.util.NLS;

/**
 * A PDF being laid out top to bottom on A4 pages: wrapped text, tables whose rows never split, and
 * room reserved for charts. Fonts are DejaVu Sans, Sans Bold and Sans Mono, shipped in this bundle
 * and embedded as subsets, so accented names print everywhere; a character none of them has is
 * printed as U+FFFD, visibly. Page numbers are added when the document is saved.
 */
final class PdfDoc implements Closeable {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 50;
    static final float BOTTOM = 60;
    static final float TEXT_WIDTH = WIDTH - 2 * MARGIN;

    /** A text style: font, size and grey level or colour. */
    record Style(PDType0Font font, float size, float[] rgb) {
        float leading() {
            return size * 1.35f;
        }
    }

    private static final Map<String, byte[]> FONT_BYTES = new HashMap<>();

    private final PDDocument doc = new PDDocument();
    final PDType0Font regular;
    final PDType0Font bold;
    final PDType0Font mono;
    private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private final String footer;
    private PDPageContentStream cs;
    private float y;

    PdfDoc(String title, String subject, String footer) throws IOException {
        regular = font("DejaVuSans.ttf");
        bold = font("DejaVuSans-Bold.ttf");
        mono = font("DejaVuSansMono.ttf");
        this.footer = footer;
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(Text.line(title, 200));
        info.setSubject(Text.line(subject, 200));
        info.setCreator("Relaybench");
        newPage();
    }

    private PDType0Font font(String file) throws IOException {
        byte[] bytes;
        synchronized (FONT_BYTES) {
            bytes = FONT_BYTES.get(file);
            if (bytes == null) {
                try (InputStream in = PdfDoc.class.getResourceAsStream("/fonts/" + file)) {
                    if (in == null) {
                        throw new IOException("font missing from the bundle: fonts/" + file);
                    }
                    bytes = in.readAllBytes();
                }
                FONT_BYTES.put(file, bytes);
            }
        }
        return PDType0Font.load(doc, new ByteArrayInputStream(bytes), true);
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = HEIGHT - MARGIN;
    }

    /** @return the current page's content stream, for drawing */
    PDPageContentStream canvas() {
        return cs;
    }

    /** @return the current baseline position from the bottom of the page */
    float y() {
        return y;
    }

    /**
     * Makes sure {@code height} points are left on the page, else starts a new one.
     *
     * @param height the room needed
     * @throws IOException when writing fails
     */
    void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /**
     * Reserves room, starting a new page when needed.
     *
     * @param height the room needed
     * @return the top of the reserved room
     * @throws IOException when writing fails
     */
    float reserve(float height) throws IOException {
        ensure(height);
        float top = y;
        y -= height;
        return top;
    }

    void space(float points) {
        y -= points;
    }

    /**
     * Writes wrapped text, keeping line breaks, starting a new page between lines when needed.
     *
     * @param text cleaned text
     * @param style how
     * @param indent from the left margin
     * @throws IOException when writing fails
     */
    void paragraph(String text, Style style, float indent) throws IOException {
        for (String line : wrap(text, style, TEXT_WIDTH - indent)) {
            ensure(style.leading());
            y -= style.leading();
            show(line, style, MARGIN + indent, y + style.size() * 0.3f);
        }
    }

    /**
     * Writes a table. A row never splits across pages; the header repeats on each new page.
     *
     * @param widths column widths as fractions of the text width
     * @param header the header cells, or null for none
     * @param rows the rows' cells, cleaned text
     * @param body the style of the cells
     * @throws IOException when writing fails
     */
    void table(float[] widths, String[] header, List<String[]> rows, Style body) throws IOException {
        Style head = new Style(bold, body.size(), body.rgb());
        if (header != null) {
            ensure(rowHeight(widths, header, head) + rowHeight(widths, rows.isEmpty() ? header : rows.get(0), body));
            row(widths, header, head, true);
        }
        for (String[] r : rows) {
            float h = rowHeight(widths, r, body);
            if (y - h < BOTTOM) {
                newPage();
                if (header != null) {
                    row(widths, header, head, true);
                }
            }
            row(widths, r, body, false);
        }
    }

    /**
     * @return the height {@link #table} will take, to keep a short table with its heading
     */
    float tableHeight(float[] widths, String[] header, List<String[]> rows, Style body) throws IOException {
        float h = header == null ? 0 : rowHeight(widths, header, new Style(bold, body.size(), body.rgb()));
        for (String[] r : rows) {
            h += rowHeight(widths, r, body);
        }
        return h;
    }

    private float rowHeight(float[] widths, String[] cells, Style style) throws IOException {
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            lines = Math.max(lines, wrap(cells[i], style, widths[i] * TEXT_WIDTH - 8).size());
        }
        return lines * style.leading() + 6;
    }

    private void row(float[] widths, String[] cells, Style style, boolean shaded) throws IOException {
        float h = rowHeight(widths, cells, style);
        float top = y;
        if (shaded) {
            cs.setNonStrokingColor(0.94f, 0.96f, 0.98f);
            cs.addRect(MARGIN, top - h, TEXT_WIDTH, h);
            cs.fill();
        }
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            float w = widths[i] * TEXT_WIDTH;
            float ly = top - 3;
            for (String line : wrap(cells[i], style, w - 8)) {
                ly -= style.leading();
                show(line, style, x + 4, ly + style.size() * 0.3f);
            }
            x += w;
        }
        cs.setStrokingColor(0.85f, 0.87f, 0.91f);
        cs.setLineWidth(0.6f);
        cs.moveTo(MARGIN, top - h);
        cs.lineTo(MARGIN + TEXT_WIDTH, top - h);
        cs.stroke();
        y = top - h;
    }

    /**
     * Shows one line of text at a position.
     *
     * @param text cleaned text without line breaks
     * @param style how
     * @param x left
     * @param baseline baseline
     * @throws IOException when writing fails
     */
    void show(String text, Style style, float x, float baseline) throws IOException {
        String t = printable(text, style.font());
        if (t.isEmpty()) {
            return;
        }
        cs.setNonStrokingColor(style.rgb()[0], style.rgb()[1], style.rgb()[2]);
        cs.beginText();
        cs.setFont(style.font(), style.size());
        cs.newLineAtOffset(x, baseline);
        cs.showText(t);
        cs.endText();
    }

    /**
     * @param text cleaned text
     * @param style the font and size
     * @return its width in points
     */
    float width(String text, Style style) {
        try {
            return style.font().getStringWidth(printable(text, style.font())) / 1000 * style.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Breaks text into lines no wider than {@code width}: at line breaks, at spaces, and inside words
     * too long for a line.
     */
    List<String> wrap(String text, Style style, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" +")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, style) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, style) > width) {
                    int n = fit(rest, style, width);
                    lines.add(rest.substring(0, n));
                    rest = rest.substring(n);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private int fit(String word, Style style, float width) {
        int n = word.offsetByCodePoints(0, 1);
        while (n < word.length()) {
            int next = word.offsetByCodePoints(n, 1);
            if (width(word.substring(0, next), style) > width) {
                break;
            }
            n = next;
        }
        return n;
    }

    private String printable(String text, PDType0Font font) {
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean ok = known.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return Boolean.TRUE;
                } catch (IllegalArgumentException | IOException e) {
                    return Boolean.FALSE;
                }
            });
            b.appendCodePoint(ok ? cp : 0xfffd);
        });
        return b.toString();
    }

    /**
     * Numbers the pages and writes the document.
     *
     * @param out where to write
     * @throws IOException when writing fails
     */
    void save(OutputStream out) throws IOException {
        cs.close();
        cs = null;
        int n = doc.getNumberOfPages();
        Style small = new Style(regular, 8, new float[] { 0.4f, 0.43f, 0.5f });
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream c = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                cs = c;
                show(footer, small, MARGIN, 30);
                String number = NLS.bind(Messages.Pdf_page, Integer.toString(i + 1), Integer.toString(n));
                show(number, small, WIDTH - MARGIN - width(number, small), 30);
            }
        }
        cs = null;
        doc.save(out);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
        }
        doc.close();
    }
}
