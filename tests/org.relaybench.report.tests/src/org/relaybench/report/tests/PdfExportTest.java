package org.relaybench.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.relaybench.core.Finding;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.tests.common.OsgiServices;

/** The PDF export, read back with PDFBox's text extraction, and page 1 rendered for people to look at. */
class PdfExportTest {

    @Test
    void pdfHoldsFindingsStepsAndSettings() throws Exception {
        SupportSession s = Fixtures.aolIphone(OsgiServices.service(DiagnosisEngine.class));
        byte[] pdf = Exports.bytes(s, Format.PDF);
        Files.write(Exports.artifact("session-aol.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals("Support report: " + Fixtures.CUSTOMER, doc.getDocumentInformation().getTitle());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(Fixtures.CUSTOMER), "accented name extracted intact: " + text);
            assertTrue(text.contains("Mail sending support report"));
            for (Finding f : s.diagnoses().get(0).findings()) {
                assertTrue(Words.appearInOrder(text, f.title()), "finding: " + f.title());
            }
            for (String step : new String[] { "open", "host", "credentials", "test" }) {
                assertTrue(Words.appearInOrder(text, TextExportTest.stepText(step)), "step " + step);
            }
            assertTrue(Words.appearInOrder(text, "Server imap.aol.com smtp.aol.com"), text);
            assertTrue(Words.appearInOrder(text, "Port 993 465"), text);
            assertTrue(Words.appearInOrder(text, "Security SSL/TLS SSL/TLS"), text);
            assertTrue(Words.appearInOrder(text, "User name zoe.mueller@aol.com zoe.mueller@aol.com"), text);
            assertTrue(text.contains("S: 554 5.7.1 Relay access denied"));
            assertTrue(text.contains("Page 1 of " + doc.getNumberOfPages()));

            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            ImageIO.write(page, "png", Exports.artifact("session-aol-page1.png").toFile());
            assertTrue(page.getWidth() > 800);
        }
    }

    @Test
    void unmappableCharactersArePrintedVisibly() throws Exception {
        SupportSession s = Fixtures.customDomain();
        SupportSession cjk = new SupportSession(s.id(), s.opened(), s.updated(), s.agent(), "山田 太郎 Ådne",
                s.ticket(), s.status(), s.account(), s.diagnoses(), s.probes(), s.steps(), s.notes(), s.audit());
        try (PDDocument doc = Loader.loadPDF(Exports.bytes(cjk, Format.PDF))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("\ufffd\ufffd \ufffd\ufffd Ådne"), text);
        }
    }
}
