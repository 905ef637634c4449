package org.relaybench.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.tests.common.OsgiServices;

/**
 * The HTML reports in a real browser: headless Chromium loads them, shows the customer's name as
 * text, creates no element from injected markup and runs no script. The control pages prove the
 * method: a script does change the title in a page without the report's policy.
 */
class ChromiumRenderTest {

    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

    @Test
    void controlScriptRunsWithoutPolicyAndNotWithIt() throws Exception {
        String body = "<body><p>control</p>" + Fixtures.TITLE_SCRIPT + "</body></html>";
        Path open = Exports.artifact("control-open.html");
        Files.writeString(open, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T0</title></head>" + body);
        assertEquals("pwned", title(Chromium.dumpDom(open)), "a script in a page without policy runs");
        Path strict = Exports.artifact("control-csp.html");
        Files.writeString(strict, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv="
                + "\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
                + "<title>T0</title></head>" + body);
        assertEquals("T0", title(Chromium.dumpDom(strict)), "the report's policy stops even a raw script");
    }

    @Test
    void sessionReportDisplaysTheCustomer() throws Exception {
        SupportSession s = Fixtures.aolIphone(OsgiServices.service(DiagnosisEngine.class));
        Path html = Exports.artifact("session-aol.html");
        Files.write(html, Exports.bytes(s, Format.HTML));
        String dom = Chromium.dumpDom(html);
        assertEquals("Support report: " + Fixtures.CUSTOMER, title(dom));
        assertTrue(dom.contains("<dd>" + Fixtures.CUSTOMER + "</dd>"), dom);
        Chromium.screenshot(html, Exports.artifact("session-aol.png"), 1100, 2400);
    }

    @Test
    void hostileSessionRunsNoScriptAndCreatesNoElement() throws Exception {
        SupportSession s = Fixtures.hostile();
        Path html = Exports.artifact("session-hostile.html");
        Files.write(html, Exports.bytes(s, Format.HTML));
        String dom = Chromium.dumpDom(html);
        String title = title(dom);
        assertFalse(title.equals("pwned"));
        assertTrue(title.startsWith("Support report: &lt;script&gt;document.title='pwned'&lt;/script&gt; Eve"), title);
        for (String element : List.of("<script", "<img", "<svg", "<iframe", "<a ", "<link", "<object")) {
            assertFalse(dom.toLowerCase().contains(element), "element created from injected text: " + element);
        }
        assertTrue(TextExportTest.HTML_ELEMENTS.containsAll(TextExportTest.elements(dom)),
                () -> "unexpected elements in the DOM: " + TextExportTest.elements(dom));
        assertTrue(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt; Eve"), "shown as text");
        assertTrue(dom.contains("\"&gt;&lt;img src=x onerror=alert(1)&gt;"), "shown as text");
        Chromium.screenshot(html, Exports.artifact("session-hostile.png"), 1100, 1400);
    }

    @Test
    void summaryReportRendersItsCharts() throws Exception {
        Path html = Exports.artifact("summary.html");
        Files.write(html, SummaryReportTest.html(SummaryReportTest.sessions()));
        String dom = Chromium.dumpDom(html);
        assertEquals("Support summary", title(dom));
        assertEquals(4, count(dom, "<svg "), "four charts");
        assertFalse(dom.toLowerCase().contains("<script"));
        Chromium.screenshot(html, Exports.artifact("summary.png"), 1100, 2200);
    }

    private static String title(String dom) {
        Matcher m = TITLE.matcher(dom);
        if (!m.find()) {
            throw new AssertionError("no title in " + dom);
        }
        return m.group(1);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
