package org.relaybench.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.Severity;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepRecord;
import org.relaybench.core.session.StepState;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.report.SummaryReport;
import org.relaybench.report.SummaryReport.Count;
import org.relaybench.report.SummaryReport.ProcedureOutcome;

/** The summary over many sessions: the figures, and their charts in HTML (SVG) and PDF (vector). */
class SummaryReportTest {

    @Test
    void figuresFollowTheDocumentedRules() throws Exception {
        SummaryReport r = Exports.exporter().summarize(sessions());
        assertEquals(8, r.sessions());
        assertEquals(5, r.resolved());
        assertEquals(1, r.unresolved());
        assertEquals(2, r.open());
        assertEquals(Optional.of(Fixtures.T0), r.first());
        assertEquals(List.of(new Count("aol", "AOL", 2), new Count("att", "AT&T", 2),
                new Count("", "No provider matched", 1), new Count("exchange", "Microsoft 365", 1),
                new Count("gmail", "Gmail", 1), new Count("imap", "Other provider", 1)), r.byProvider());
        assertEquals(new Count("smtp-auth-missing", "The outgoing server is used without authentication", 2),
                r.byCause().get(1));
        assertEquals("app-password-required", r.byCause().get(0).key());
        assertEquals(List.of(new ProcedureOutcome("aol-readd-account", "Remove the AOL account and add it back", 1, 1),
                new ProcedureOutcome("aol-smtp-settings", "Check the AOL outgoing server (SMTP) settings", 1, 1),
                new ProcedureOutcome("att-key", "att-key", 1, 1), new ProcedureOutcome("att-other", "att-other", 1, 0),
                new ProcedureOutcome("quick-tips", "Quick tips: check the outgoing user name and password, compare "
                        + "with the recommended settings", 1, 0)), r.procedures());
        SummaryReport.ResolveTimes t = r.timeToResolve();
        assertEquals(5, t.count());
        assertEquals(Duration.ofMinutes(45), t.median());
        assertEquals(Duration.ofMinutes(627), t.mean());
        assertEquals(Duration.ofDays(2), t.p90());
        assertEquals(Duration.ofDays(2), t.max());
        assertEquals(List.of(1, 1, 1, 1, 0, 1), t.histogram().stream().map(Count::count).toList());
    }

    @Test
    void htmlHasInlineSvgChartsAndNothingExternal() throws Exception {
        String html = new String(html(sessions()), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(html.contains("Content-Security-Policy"));
        assertEquals(4, html.split("<svg ", -1).length - 1);
        assertFalse(html.toLowerCase().contains("<script"));
        assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").matches("(?s).*https?://.*"));
        assertTrue(html.contains("Sessions by provider") && html.contains("Time to resolve"));
        assertTrue(html.contains("AT&amp;T"), "escaped in SVG text");
        assertTrue(html.contains("100% (1 of 1)"));
    }

    @Test
    void pdfDrawsTheChartsAndNamesTheFigures() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exports.exporter().exportSummary(sessions(), Format.PDF, out);
        Files.write(Exports.artifact("summary.pdf"), out.toByteArray());
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            for (String s : List.of("Support summary", "Sessions by provider", "Sessions by most likely cause",
                    "Success rate of the fix procedures", "Time to resolve", "AT&T", "Microsoft 365", "63%",
                    "45 min", "Remove the AOL account and add it back")) {
                assertTrue(text.contains(s), s + " in " + text);
            }
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            ImageIO.write(page, "png", Exports.artifact("summary-page1.png").toFile());
            assertTrue(barPixels(page) > 2_000, "the bars are drawn: " + barPixels(page));
        }
    }

    /** @return how many pixels have the bars' colour (#1f5fbf) */
    private static int barPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - 0x1f) < 12 && Math.abs(g - 0x5f) < 12 && Math.abs(b - 0xbf) < 12) {
                    n++;
                }
            }
        }
        return n;
    }

    static byte[] html(List<SupportSession> sessions) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exports.exporter().exportSummary(sessions, Format.HTML, out);
        return out.toByteArray();
    }

    /** Eight sessions with known figures: 5 resolved in 10 min, 20 min, 45 min, 3 h and 2 days. */
    static List<SupportSession> sessions() {
        List<SupportSession> list = new ArrayList<>();
        list.add(session(1, "aol", "AOL", "smtp-auth-missing", SessionStatus.RESOLVED, Duration.ofMinutes(10),
                step("aol-smtp-settings", StepState.WORKED)));
        list.add(session(2, "aol", "AOL", "smtp-auth-missing", SessionStatus.RESOLVED, Duration.ofMinutes(20),
                step("quick-tips", StepState.DID_NOT_WORK), step("aol-readd-account", StepState.WORKED)));
        list.add(session(3, "att", "AT&T", "app-password-required", SessionStatus.RESOLVED, Duration.ofMinutes(45),
                step("att-key", StepState.WORKED)));
        list.add(session(4, "att", "AT&T", "app-password-required", SessionStatus.UNRESOLVED, Duration.ofMinutes(5),
                step("att-other", StepState.DID_NOT_WORK), step("att-other-skipped", StepState.SKIPPED)));
        list.add(session(5, "gmail", "Gmail", "oauth-required", SessionStatus.OPEN, Duration.ofMinutes(5)));
        list.add(session(6, null, null, null, SessionStatus.OPEN, Duration.ofMinutes(5)));
        list.add(session(7, "exchange", "Microsoft 365", "smtp-auth-disabled", SessionStatus.RESOLVED,
                Duration.ofHours(3)));
        list.add(session(8, "imap", "Other provider", "wrong-smtp-port", SessionStatus.RESOLVED, Duration.ofDays(2)));
        return list;
    }

    private static StepRecord step(String procedure, StepState state) {
        return new StepRecord(procedure, "s1", state, "", Fixtures.T0, "alice");
    }

    private static SupportSession session(int n, String provider, String providerName, String cause,
            SessionStatus status, Duration took, StepRecord... steps) {
        Instant opened = Fixtures.T0.plus(Duration.ofHours(n - 1));
        List<DiagnosisRecord> diagnoses = provider == null ? List.of()
                : List.of(new DiagnosisRecord(opened, Optional.of(provider), Optional.of(providerName),
                        List.of(Fixtures.finding(cause, Severity.ERROR, 0.9, "Cause " + cause, "r"),
                                Fixtures.finding("relay-denied", Severity.WARNING, 0.5, "Relaying refused", "r")),
                        List.of()));
        Instant end = opened.plus(took);
        List<AuditEntry> audit = List.of(new AuditEntry(1, opened, "alice", "opened", ""),
                new AuditEntry(2, end, "alice", "status", status.id()),
                new AuditEntry(3, end.plusSeconds(600), "alice", "note", "afterwards"));
        return new SupportSession("sum-" + n, opened, end.plusSeconds(600), "alice", "Customer " + n, "",
                status, AccountProfile.builder("user" + n + "@example.com").build(), diagnoses, List.of(),
                List.of(steps), List.of(), audit);
    }
}
