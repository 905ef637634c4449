package org.relaybench.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.tests.common.OsgiServices;

/** The HTML and Markdown exports of an ordinary session: content a customer and a ticket can use. */
class TextExportTest {

    /** Every element the session report may contain; anything else came from somewhere it should not. */
    static final Set<String> HTML_ELEMENTS = Set.of("html", "head", "meta", "title", "style", "body", "main",
            "header", "footer", "div", "tbody", "h1", "h2", "h3", "dl", "dt", "dd", "span", "p", "blockquote", "ul", "li", "b",
            "strong", "table", "colgroup", "col", "tr", "th", "td", "small", "pre");

    @Test
    void htmlIsSelfContainedAndSaysWhatToDo() throws Exception {
        SupportSession s = Fixtures.aolIphone(OsgiServices.service(DiagnosisEngine.class));
        String html = Exports.text(s, Format.HTML);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:;"), "strict CSP");
        assertTrue(html.contains("@media print"), "print stylesheet");
        assertFalse(Pattern.compile("<script|javascript:|\\son[a-z]+=|https?://|src=|href=", Pattern.CASE_INSENSITIVE)
                .matcher(html).find(), "no script, handler, link or external resource");
        assertTrue(HTML_ELEMENTS.containsAll(elements(html)), () -> "unexpected elements: " + elements(html));
        assertTrue(html.contains(Fixtures.CUSTOMER));
        assertTrue(html.contains("What was wrong") && html.contains("What was done")
                && html.contains("The settings to use"));
        assertTrue(html.contains(escape(s.diagnoses().get(0).findings().get(0).title())));
        assertTrue(html.contains(escape(stepText("credentials"))));
        assertTrue(html.contains("smtp.aol.com") && html.contains("465") && html.contains("imap.aol.com"));
        assertTrue(html.contains("was: 587"), "the changed port is marked");
        assertTrue(html.contains("S: 554 5.7.1 Relay access denied"));
    }

    @Test
    void markdownIsReadyForATicket() throws Exception {
        SupportSession s = Fixtures.aolIphone(OsgiServices.service(DiagnosisEngine.class));
        String md = Exports.text(s, Format.MARKDOWN);
        assertTrue(md.startsWith("# Mail sending support report\n"));
        assertTrue(md.contains("**Customer:** Zoë Müller\\-Łukasiewicz"), md);
        assertTrue(md.contains("## What was wrong") && md.contains("## What was done")
                && md.contains("## The settings to use"));
        assertTrue(md.contains("| Server | imap\\.aol\\.com | smtp\\.aol\\.com |"), md);
        assertTrue(md.contains("| Port | 993 | 465 |"), md);
        assertTrue(md.contains("- [x] "), "steps that worked are ticked");
        assertTrue(md.contains("> The recipient \"friend@example\\.org\" was rejected".replace("\"", "\\\"")
                .replace("@", "\\@")), md);
    }

    static Set<String> elements(String html) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)").matcher(html);
        while (m.find()) {
            names.add(m.group(1).toLowerCase());
        }
        return names;
    }

    static String escape(String s) {
        return s.replaceAll("\\s+", " ").trim().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    static String stepText(String step) throws InterruptedException {
        return OsgiServices.service(ProviderCatalog.class).snapshot().provider("aol").orElseThrow()
                .procedure("aol-smtp-settings").orElseThrow().steps().stream().filter(x -> x.id().equals(step))
                .findFirst().orElseThrow().wordingFor(ClientInfo.parse("ios-12")).text();
    }

    @Test
    void elementsAreFoundByName() {
        assertEquals(Set.of("p", "b"), elements("<p>x <b>y</b> &lt;script&gt;</p>"));
    }
}
