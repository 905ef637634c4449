package org.relaybench.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter.Format;
import org.w3c.dom.Element;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A session whose every text is hostile (markup, script, spreadsheet formulas, control characters, a
 * megabyte of text) comes out neutralised in every format.
 */
class HostileTextTest {

    /** Control characters other than line feed, DEL and C1, bidi overrides. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e]");
    private static final SupportSession HOSTILE = Fixtures.hostile();

    @Test
    void html() throws Exception {
        String html = Exports.text(HOSTILE, Format.HTML);
        assertTrue(TextExportTest.HTML_ELEMENTS.containsAll(TextExportTest.elements(html)),
                () -> "markup got through: " + TextExportTest.elements(html));
        assertFalse(html.toLowerCase().contains("<script") || html.contains("<img") || html.contains("<svg"));
        assertTrue(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
        assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(CONTROL.matcher(html).find(), "control characters");
        assertTrue(html.contains("ctl end"), "control characters removed, line breaks made spaces, text kept");
        assertTrue(html.contains("[cut: 1,048,"), "the megabyte is cut visibly");
        assertTrue(html.length() < 200_000, "size " + html.length());
    }

    @Test
    void csvCellsCannotBecomeFormulas() throws Exception {
        String csv = Exports.text(HOSTILE, Format.CSV);
        List<List<String>> rows = Csv.parse(csv);
        assertEquals(4, rows.size());
        for (List<String> row : rows) {
            assertEquals(CsvExportTest.COLUMNS.size(), row.size());
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "formula cell: " + cell);
                assertFalse(CONTROL.matcher(cell).find() || cell.contains("\n"), "control characters: " + cell);
                assertTrue(cell.length() <= 32_767, "cell too long for a spreadsheet: " + cell.length());
            }
        }
        List<String> first = rows.get(1);
        assertTrue(first.get(CsvExportTest.COLUMNS.indexOf("customer")).startsWith("<script>"), "not a formula");
        assertEquals("'" + Fixtures.HYPERLINK, first.get(CsvExportTest.COLUMNS.indexOf("ticket")));
        assertEquals("'" + Fixtures.HYPERLINK, first.get(CsvExportTest.COLUMNS.indexOf("rule")));
        assertEquals("'=cmd", first.get(CsvExportTest.COLUMNS.indexOf("procedure")));
        List<String> second = rows.get(2);
        assertEquals("'@SUM(1)", second.get(CsvExportTest.COLUMNS.indexOf("title")));
        assertEquals("'-1+1", second.get(CsvExportTest.COLUMNS.indexOf("rule")));
        assertTrue(rows.get(3).get(CsvExportTest.COLUMNS.indexOf("title")).startsWith("'+cmd ctl end"));
    }

    @Test
    void markdownHasNoMarkupAndNoRawHtml() throws Exception {
        String md = Exports.text(HOSTILE, Format.MARKDOWN);
        assertFalse(md.contains("<"), "no raw HTML at all");
        assertTrue(md.contains("&lt;script&gt;document\\.title\\='pwned'&lt;/script&gt;"), md.substring(0, 2000));
        assertTrue(md.contains("\\\"&gt;&lt;img src\\=x onerror\\=alert\\(1\\)&gt;"));
        assertTrue(md.contains("\\=HYPERLINK\\(") && md.contains("\\@SUM\\(1\\)") && md.contains("\\-1\\+1"));
        assertFalse(CONTROL.matcher(md).find(), "control characters");
        assertFalse(md.contains("](") || md.contains("!["), "no link or image syntax");
        assertTrue(md.length() < 60_000, "size " + md.length());
    }

    @Test
    void jsonRoundTripsCleanedTextAndEscapesMarkup() throws Exception {
        String json = Exports.text(HOSTILE, Format.JSON);
        assertFalse(json.contains("<") || json.contains(">"), "HTML characters are \\u escapes");
        assertFalse(CONTROL.matcher(json).find(), "control characters");
        JsonObject j = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(Fixtures.TITLE_SCRIPT + " Eve " + Fixtures.HYPERLINK,
                j.getAsJsonObject("session").get("customer").getAsString());
        assertEquals("ctl \n\nend", j.getAsJsonArray("notes").get(5).getAsString(), "tab a space, CR and LF kept");
        String big = j.getAsJsonArray("notes").get(6).getAsString();
        assertTrue(big.length() < 100_100 && big.endsWith("[cut: 1,048,576 characters in total]"), big.substring(
                big.length() - 60));
    }

    @Test
    void pdfPrintsTheTextAsText() throws Exception {
        byte[] pdf = Exports.bytes(HOSTILE, Format.PDF);
        assertTrue(pdf.length < 2_000_000, "size " + pdf.length);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals("Support report: " + Fixtures.TITLE_SCRIPT + " Eve " + Fixtures.HYPERLINK,
                    doc.getDocumentInformation().getTitle());
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains((Fixtures.TITLE_SCRIPT + Fixtures.IMG_ONERROR).replaceAll("\\s+", "")),
                    "a note printed as text");
            assertTrue(text.contains("ctlend"), "control characters removed");
            assertTrue(doc.getNumberOfPages() < 40, "pages " + doc.getNumberOfPages());
        }
    }

    @Test
    void fixKitFilesStayWellFormed() throws Exception {
        byte[] profile = Exports.bytes(HOSTILE, Format.MOBILECONFIG);
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) Xml.plist(profile);
        @SuppressWarnings("unchecked")
        Map<String, Object> mail = (Map<String, Object>) ((List<?>) top.get("PayloadContent")).get(0);
        assertEquals("\"><svg onload=alert(1)>", mail.get("IncomingMailServerUsername"));
        assertEquals("+cmd|' /C calc'!A0", mail.get("OutgoingMailServerUsername"));
        assertTrue(((String) top.get("PayloadIdentifier")).matches("[A-Za-z0-9.-]+"), "identifier "
                + top.get("PayloadIdentifier"));
        String raw = new String(profile, StandardCharsets.UTF_8);
        assertFalse(raw.contains("<svg"));
        Element provider = Xml.child(Xml.parse(Exports.bytes(HOSTILE, Format.AUTOCONFIG)).getDocumentElement(),
                "emailProvider");
        assertEquals("\"><svg onload=alert(1)>", Xml.text(Xml.child(provider, "incomingServer"), "username"));
    }
}
